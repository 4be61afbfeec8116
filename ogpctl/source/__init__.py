"""Reading record files safely: bytes to text, text to data, data paths to positions."""
