"""Length limits of free-text fields, so nobody stores and mails megabytes.

Generous for what a person writes; the forms show Django's translated
"at most N characters" message when a text is longer.
"""

MESSAGE = 2000
PROGRAMME = 10000
REPORT = 10000
ACTION = 1000
