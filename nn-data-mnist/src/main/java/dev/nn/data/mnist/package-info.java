/**
 * MNIST: validated IDX reading ({@link dev.nn.data.mnist.IdxReader}), compact one-hot data sets
 * ({@link dev.nn.data.mnist.Mnist}), and finding or downloading the files
 * ({@link dev.nn.data.mnist.MnistLocator}).
 */
package dev.nn.data.mnist;
