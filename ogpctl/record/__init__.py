"""The country record: finding it on disk, reading its files, and the model rules use."""
