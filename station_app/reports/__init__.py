"""reportlab PDFs (labels, lists, manifests) and QR images. Imports no Qt."""
