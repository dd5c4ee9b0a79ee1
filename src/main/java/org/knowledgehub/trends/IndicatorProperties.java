package org.knowledgehub.trends;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Indicator table settings.
 *
 * @param maxObservations most observations one upload may create (413 beyond): a workbook is read
 *                        whole into memory, and so is the graph written from it
 */
@ConfigurationProperties("kh.indicators")
record IndicatorProperties(@DefaultValue("200000") int maxObservations) {
}
