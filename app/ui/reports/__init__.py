"""The Reports area: the monthly report pack on screen and in files, value segmentation
and the outreach lists."""
