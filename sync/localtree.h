#pragma once

#include "ignorerules.h"
#include "synctypes.h"

#include <QHash>

namespace suanli::sync {

/// A tree as listed: its entries by relative path, and the partials (".<name>.suanli-partial")
/// found, by the relative path of the file they belong to, with their sizes.
struct TreeListing
{
    QList<Entry> entries;
    QHash<QByteArray, qint64> partials;
};

/// Lists a local folder without following any symlink (lstat), honouring .suanliignore files
/// as it goes (rules are added to `rules`). POSIX for now, like ssh/socketio.
Result<TreeListing> scanLocalTree(const QString &root, IgnoreRules &rules, QList<Issue> *issues);

/// Local file helpers for the download side (POSIX).
namespace localfs {
QByteArray encode(const QString &path);
QString decode(const QByteArray &path);
/// mkdir -p below root that refuses to pass through a symlink (a link planted in the tree
/// must not redirect writes elsewhere).
Result<void> makeDirectories(const QByteArray &root, const QByteArray &relative);
/// True when every folder on the way from root to relative's parent is a real folder.
bool parentIsInsideTree(const QByteArray &root, const QByteArray &relative);
Result<void> setTimesAndMode(const QByteArray &path, qint64 mtimeNs, quint32 mode, bool isLink);
} // namespace localfs

} // namespace suanli::sync
