"""Quality of the coding: human review, blind samples, inter-coder agreement, evaluation."""
