package org.knowledgehub.store;

/**
 * The service that holds the store ({@code kh.store.url}) could not be reached or failed: the request
 * that needed it is answered 503, and the next one tries the service again.
 */
public class StoreUnavailableException extends RuntimeException {

    StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
