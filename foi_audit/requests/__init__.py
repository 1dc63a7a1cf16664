"""The request side: who was asked and when, reply dates, statutory deadlines, timeliness."""
