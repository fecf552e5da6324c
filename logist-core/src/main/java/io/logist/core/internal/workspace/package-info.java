/**
 * Git workspace isolation: each job works in its own local clone of the user's repository, on the job
 * branch, and every checkpoint commit is published back as that branch alone, so the user's working tree,
 * index, HEAD and other refs are never touched. All git calls go through {@link
 * io.logist.core.internal.workspace.Git}, which never runs the user's hooks and never asks a terminal.
 */
package io.logist.core.internal.workspace;
