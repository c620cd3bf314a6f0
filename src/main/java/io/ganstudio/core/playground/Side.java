package io.ganstudio.core.playground;

/** Which network an update trains. */
public enum Side { DISCRIMINATOR, GENERATOR }
