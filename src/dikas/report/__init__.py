"""Area and city reports: profiles (:mod:`dikas.report.profile`), self-contained HTML
(:func:`dikas.report.html.build_report`) and PDF through a local Chromium."""
