"""Quotes from a Spark DataFrame of articles, one row per quote.

    pip install "quoteattr[spark]"      # and Java 17
    python examples/spark_quotes.py

On a cluster, install quoteattr on the executors too.
"""

from __future__ import annotations

import os

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

from quoteattr.spark import add_quotes

ARTICLES = [
    ("a1", '"The harvest is the best in ten years," farmer Lena Ortiz said. She said prices would fall.'),
    ("a2", "The minister said the new tax would take effect in January, according to a statement."),
    ("a3", "Heavy rain fell overnight. Roads were closed."),
]


def main() -> None:
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # a laptop's Spark needs no network
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("quoteattr-example")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        articles = spark.createDataFrame(ARTICLES, ["article_id", "body"])
        quotes = add_quotes(articles, text_col="body", id_col="article_id")
        quotes.select("article_id", "kind", "speaker", "entity", "cue", "quote_text").show(truncate=60)
        quotes.groupBy("article_id").agg(F.count("*").alias("quotes")).orderBy("article_id").show()
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
