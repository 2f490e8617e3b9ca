"""Evaluation of docclean against gold data: scorers, dataset loaders, renderings, references, harness.

This package is the evaluation adapter: ``renderings`` and ``references`` call trafilatura directly
(and ``references`` calls jusText), so that the evaluation can run trafilatura *as a reference*
independently of how ``pipeline/extract.py`` configures it for the product.
"""
