"""Partner PDFs: the side-by-side comparison (横比) of an industry's candidates with its radar
chart (:mod:`.comparison_pdf`) and the monthly settlement statements (:mod:`.settlement_pdf`).
What both share (fonts, styles, the page footer, writing the file) is in :mod:`.common`."""
