"""Language-independent text processing: sentences, tokens, normalisation, language id."""
