package io.cryptotracker.otherfixture;

/** Stands for another service's class. */
public class OtherService {
}
