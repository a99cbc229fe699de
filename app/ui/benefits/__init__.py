"""The benefits screens (issue 13): the catalog, the tier benefit matrix, orders, write-off."""
