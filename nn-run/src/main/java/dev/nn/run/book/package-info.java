/** The book's experiments as runs: chapter 6's ladder ({@link dev.nn.run.book.Chapter6Step}) and how a step's runs are scored. */
package dev.nn.run.book;
