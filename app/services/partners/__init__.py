"""Partners (issue 14, 异业合作): the registry and its life cycle (``registry``), admission
checks (``admission``), the weighted evaluation and comparison (``evaluation``), admission
and activation through Approvals (``requests``), cooperation modes, contracts and the
partner's benefits (``cooperation``), complaints and their service levels (``complaints``),
the monthly settlement (``settlement``) and its files (``exports``)."""
