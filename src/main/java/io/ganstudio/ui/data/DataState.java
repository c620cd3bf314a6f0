package io.ganstudio.ui.data;

/** Where the Data screen is: nothing loaded yet, decoding, ready, or the last load failed or was cancelled. */
public enum DataState {
    EMPTY, LOADING, LOADED, FAILED, CANCELLED
}
