"""newsdesk front ends: the console and the Telegram bot."""
