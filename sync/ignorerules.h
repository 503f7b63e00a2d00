#pragma once

#include "synctypes.h"

#include <QByteArray>
#include <QList>

#include <string>

namespace suanli::sync {

/// .suanliignore: the syntax of .gitignore (comments, '!' negation, trailing '/' for folders,
/// a '/' at the start or in the middle anchors to the file's folder, '*', '?', '[…]' with
/// ranges, '!'/'^' negation and the POSIX classes, '\' escapes, '**'), matched as git's
/// wildmatch does except that '?' and '[…]' match one character, not one byte (docs/sync.md).
/// Rules are added folder by folder as the tree is walked; for a path the last matching rule
/// wins, and an ignored folder hides everything below it (as in git, which never looks inside).
class IgnoreRules
{
public:
    /// The defaults every sync has: .git/, __pycache__/, .DS_Store. A .suanliignore can
    /// re-include them with '!'.
    static IgnoreRules withDefaults();

    /// Adds the lines of a .suanliignore found in folder base ("" for the root). A line that
    /// is not a valid pattern (a '[' never closed, an unknown [:class:], a lone '\' at the end)
    /// matches nothing, as in git, and comes back as an issue naming the file, the line's
    /// number and its text, for the sync plan to show.
    QList<Issue> addFile(const QByteArray &base, const QByteArray &content);
    /// One line; an invalid one gives its reason (translated), else nothing.
    std::optional<QString> addLine(const QByteArray &base, const QByteArray &line);

    /// path relative to the root; isDirectory for folders (rules ending in '/' match only those).
    bool isIgnored(const QByteArray &path, bool isDirectory) const;

    qsizetype size() const { return m_rules.size(); }

private:
    struct Rule
    {
        std::u32string base;    ///< "" or "dir/" the rule's file lives in
        std::u32string pattern; ///< without '!', the trailing '/' and a leading '/'
        bool negated = false;
        bool directoryOnly = false;
        bool basenameOnly = false; ///< no '/' in the pattern: matched against the last name
    };
    QList<Rule> m_rules;
};

} // namespace suanli::sync
