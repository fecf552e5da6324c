/**
 * File-system helpers shared by the store, the workspaces and the engine, so that each works on files the same
 * way and reports failures in its own words.
 */
package io.logist.core.internal.files;
