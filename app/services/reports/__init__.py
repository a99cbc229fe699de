"""Reports: the monthly report pack, segmentation and outreach lists."""
