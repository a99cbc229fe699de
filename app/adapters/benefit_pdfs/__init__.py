"""Benefit PDFs: the printable tier benefit matrix (:mod:`.matrix_pdf`); the voucher slip
(:mod:`.voucher_slip`) is the member screens'."""
