package io.github.scpauditor.partition;

/** Whether a service is offered in a partition. Only NO may produce UNAVAILABLE_SERVICE or a dead statement. */
public enum Availability { YES, NO, UNKNOWN }
