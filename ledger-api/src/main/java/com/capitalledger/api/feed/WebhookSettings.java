package com.capitalledger.api.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Webhook delivery ({@code ledger.feed.webhooks.*}): whether this node delivers at all, a delivery's timeout (DESIGN:
 * 10 s), the lease a node holds on a subscription (longer than the timeout), how often idle nodes look for work, the
 * back-off's first step and ceiling, how long a subscription may fail before it is paused (24 h), and how many
 * subscriptions a node delivers at once.
 */
@ConfigurationProperties("ledger.feed.webhooks")
public record WebhookSettings(@DefaultValue("true") boolean enabled,
                              @DefaultValue("10s") Duration timeout,
                              @DefaultValue("30s") Duration lease,
                              @DefaultValue("1s") Duration poll,
                              @DefaultValue("5s") Duration retryFirst,
                              @DefaultValue("1h") Duration retryMax,
                              @DefaultValue("24h") Duration giveUpAfter,
                              @DefaultValue("8") int concurrency) {

    public WebhookSettings {
        if (lease.compareTo(timeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("ledger.feed.webhooks.lease (" + lease + ") must be at least twice "
                    + "ledger.feed.webhooks.timeout (" + timeout + "): a node must finish a delivery within its lease");
        }
    }
}
