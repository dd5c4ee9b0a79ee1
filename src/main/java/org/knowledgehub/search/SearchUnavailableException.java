package org.knowledgehub.search;

/** The remote search service did not answer, or refused what the hub asked: the search cannot be made now. */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
