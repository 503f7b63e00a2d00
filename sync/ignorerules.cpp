#include "ignorerules.h"

namespace suanli::sync {

namespace {

// Glob → regular expression for one gitignore pattern (already stripped of '!' and a
// trailing '/'). anchored: the pattern is matched from the rule's folder, else at any depth.
QString globToRegex(const QString &glob, bool anchored)
{
    QString rx = anchored ? QStringLiteral("^") : QStringLiteral("^(?:.*/)?");
    const qsizetype n = glob.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = glob.at(i);
        if (c == u'*') {
            const bool doubleStar = i + 1 < n && glob.at(i + 1) == u'*';
            if (doubleStar) {
                const bool atStart = i == 0;
                const bool slashAfter = i + 2 < n && glob.at(i + 2) == u'/';
                const bool atEnd = i + 2 == n;
                if ((atStart || glob.at(i - 1) == u'/') && slashAfter) {
                    rx += QStringLiteral("(?:.*/)?"); // "**/": any number of folders
                    i += 2;
                    continue;
                }
                if (atEnd && i > 0 && glob.at(i - 1) == u'/') {
                    rx += QStringLiteral(".*"); // "/**": everything inside
                    i += 1;
                    continue;
                }
                rx += QStringLiteral("[^/]*");
                i += 1;
                continue;
            }
            rx += QStringLiteral("[^/]*");
        } else if (c == u'?') {
            rx += QStringLiteral("[^/]");
        } else if (c == u'[') {
            const qsizetype close = glob.indexOf(u']', i + 2);
            if (close < 0) {
                rx += QStringLiteral("\\[");
                continue;
            }
            QString set = glob.mid(i + 1, close - i - 1);
            if (set.startsWith(u'!'))
                set[0] = u'^';
            set.replace(QStringLiteral("\\"), QStringLiteral("\\\\"));
            rx += u'[' + set + u']';
            i = close;
        } else if (c == u'\\' && i + 1 < n) {
            rx += QRegularExpression::escape(glob.mid(++i, 1));
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    // A pattern naming a folder also covers what is inside it.
    rx += QStringLiteral("(?:/.*)?$");
    return rx;
}

} // namespace

IgnoreRules IgnoreRules::withDefaults()
{
    IgnoreRules rules;
    rules.addLine({}, QByteArrayLiteral(".git/"));
    rules.addLine({}, QByteArrayLiteral("__pycache__/"));
    rules.addLine({}, QByteArrayLiteral(".DS_Store"));
    return rules;
}

void IgnoreRules::addFile(const QByteArray &base, const QByteArray &content)
{
    for (const QByteArray &line : content.split('\n'))
        addLine(base, line);
}

void IgnoreRules::addLine(const QByteArray &base, const QByteArray &rawLine)
{
    QString line = QString::fromUtf8(rawLine);
    if (line.endsWith(u'\r'))
        line.chop(1);
    // Trailing spaces go unless escaped with a backslash.
    while (line.endsWith(u' ') && !line.endsWith(QStringLiteral("\\ ")))
        line.chop(1);
    if (line.isEmpty() || line.startsWith(u'#'))
        return;
    Rule rule;
    if (line.startsWith(u'!')) {
        rule.negated = true;
        line.remove(0, 1);
    } else if (line.startsWith(QStringLiteral("\\!")) || line.startsWith(QStringLiteral("\\#"))) {
        line.remove(0, 1);
    }
    if (line.endsWith(u'/')) {
        rule.directoryOnly = true;
        while (line.endsWith(u'/'))
            line.chop(1);
    }
    if (line.isEmpty())
        return;
    const bool anchored = line.contains(u'/');
    while (line.startsWith(u'/'))
        line.remove(0, 1);
    rule.base = base.isEmpty() || base.endsWith('/') ? base : base + '/';
    rule.regex = QRegularExpression(globToRegex(line, anchored),
                                    QRegularExpression::DontCaptureOption);
    if (!rule.regex.isValid())
        return;
    m_rules.append(std::move(rule));
}

bool IgnoreRules::isIgnored(const QByteArray &path, bool isDirectory) const
{
    // A folder is ignored when any of its ancestors is: check each prefix, shortest first.
    qsizetype from = 0;
    for (;;) {
        const qsizetype slash = path.indexOf('/', from);
        const bool last = slash < 0;
        const QByteArray prefix = last ? path : path.left(slash);
        const bool prefixIsDirectory = last ? isDirectory : true;
        std::optional<bool> verdict;
        for (const Rule &rule : m_rules) {
            if (rule.directoryOnly && !prefixIsDirectory)
                continue;
            if (!prefix.startsWith(rule.base))
                continue;
            const QString relative = QString::fromUtf8(prefix.mid(rule.base.size()));
            // "(?:/.*)?$" lets a rule match a folder's contents; here each level is checked
            // on its own, so only a whole-name match counts.
            const auto match = rule.regex.match(relative);
            if (match.hasMatch() && match.capturedLength(0) == relative.size() &&
                !relative.isEmpty()) {
                verdict = !rule.negated;
            }
        }
        if (verdict.value_or(false))
            return true;
        if (last)
            return false;
        from = slash + 1;
    }
}

} // namespace suanli::sync
