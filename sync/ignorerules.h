#pragma once

#include <QByteArray>
#include <QList>
#include <QRegularExpression>

namespace suanli::sync {

/// .suanliignore: the syntax of .gitignore (comments, '!' negation, trailing '/' for folders,
/// a '/' at the start or in the middle anchors to the file's folder, '*', '?', '[…]', '**').
/// Rules are added folder by folder as the tree is walked; for a path the last matching rule
/// wins, and an ignored folder hides everything below it (as in git, which never looks inside).
class IgnoreRules
{
public:
    /// The defaults every sync has: .git/, __pycache__/, .DS_Store. A .suanliignore can
    /// re-include them with '!'.
    static IgnoreRules withDefaults();

    /// Adds the lines of a .suanliignore found in folder base ("" for the root).
    void addFile(const QByteArray &base, const QByteArray &content);
    void addLine(const QByteArray &base, const QByteArray &line);

    /// path relative to the root; isDirectory for folders (rules ending in '/' match only those).
    bool isIgnored(const QByteArray &path, bool isDirectory) const;

    qsizetype size() const { return m_rules.size(); }

private:
    struct Rule
    {
        QByteArray base; ///< "" or "dir/" the rule's file lives in
        QRegularExpression regex;
        bool negated = false;
        bool directoryOnly = false;
    };
    QList<Rule> m_rules;
};

} // namespace suanli::sync
