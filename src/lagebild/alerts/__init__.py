"""Watch-lists and alerts: saved filters, the dispatcher that matches new events, webhooks."""
