#pragma once

#include "synctypes.h"

#include <optional>

namespace suanli::sync {

/// A relative path that came from anywhere we do not control (a remote listing, a journal, a
/// link): '/'-separated, no empty, "." or ".." component, no NUL, not absolute. Anything
/// else is "unsafe_path" — a hostile server cannot make us write outside the target.
Result<void> checkRelativePath(const QByteArray &path);

/// The remote root the user typed: absolute or relative to the home folder, without ".."
/// (which would make "inside the target" meaningless). Trailing slashes are dropped.
Result<QByteArray> normaliseRemoteRoot(const QByteArray &root);

/// Whether name (one path component) can exist on a file system with these rules; the error
/// says why not ("invalid_name").
std::optional<Error> checkName(const QByteArray &name, NameRules rules);

/// A symlink is recreated only when its target stays inside the synced tree: relative, and
/// never climbing above the root when resolved from the link's folder. Absolute targets and
/// escapes are refused ("unsafe_symlink") and never followed.
bool isSymlinkInsideTree(const QByteArray &linkPath, const QByteArray &target);

/// Joins a root and a relative path with exactly one '/'.
QByteArray joinPath(const QByteArray &root, const QByteArray &relative);
/// The partial a file is written to before its atomic rename: "dir/.<name>.suanli-partial".
QByteArray partialPathFor(const QByteArray &relative);
bool isPartialName(const QByteArray &name);

} // namespace suanli::sync
