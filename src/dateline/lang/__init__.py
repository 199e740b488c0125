"""Language data the coder reads that is no table: English closed-class words (:mod:`.en`)."""
