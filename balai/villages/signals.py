"""Signals other modules listen to, so the foundation never imports them.

`village_provisioned`: a new village site was just created from an approved application
(sent inside the provisioning transaction, with sender=Village and village=<the new Village>).
Modules seed their own first content from it, e.g. the PPID's DIP checklist.
"""

from __future__ import annotations

from django.dispatch import Signal

village_provisioned = Signal()
