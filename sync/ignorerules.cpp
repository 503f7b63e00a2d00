#include "ignorerules.h"

#include <QCoreApplication>

#include <string>

namespace suanli::sync {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::sync::IgnoreRules", text);
}

/// One character as a member of a regular-expression class or as a literal.
QString literal(char32_t c)
{
    return QStringLiteral("\\x{%1}").arg(uint(c), 0, 16);
}

/// A glob's bracket expression starting at glob[open] == '[', as git's wildmatch reads it: '!'
/// or '^' negates; the first member may be ']'; '\' escapes; "a-z" is a range (a reversed one
/// matches nothing); "[:alpha:]" and the other POSIX classes of the C locale. Sets *end to the
/// closing ']'. An expression git refuses (no closing ']', an unknown class) is an error.
Result<QString> bracketToRegex(const std::u32string &glob, size_t open, size_t *end)
{
    static const QStringList classes{
        QStringLiteral("alnum"), QStringLiteral("alpha"), QStringLiteral("blank"),
        QStringLiteral("cntrl"), QStringLiteral("digit"), QStringLiteral("graph"),
        QStringLiteral("lower"), QStringLiteral("print"), QStringLiteral("punct"),
        QStringLiteral("space"), QStringLiteral("upper"), QStringLiteral("xdigit")};
    const size_t n = glob.size();
    size_t i = open + 1;
    bool negated = false;
    if (i < n && (glob[i] == U'!' || glob[i] == U'^')) {
        negated = true;
        ++i;
    }
    QString members;
    bool first = true;
    for (;; first = false) {
        if (i >= n)
            return makeError(QStringLiteral("invalid_pattern"), tr("a '[' has no closing ']'"));
        char32_t c = glob[i];
        if (c == U']' && !first)
            break;
        if (c == U'[' && i + 1 < n && glob[i + 1] == U':') {
            const size_t close = glob.find(U']', i + 2);
            if (close == std::u32string::npos)
                return makeError(QStringLiteral("invalid_pattern"), tr("a '[' has no closing ']'"));
            if (close - 1 >= i + 2 && glob[close - 1] == U':') {
                const std::u32string part = glob.substr(i + 2, close - 1 - (i + 2));
                const QString name = QString::fromStdU32String(part);
                if (!classes.contains(name))
                    return makeError(QStringLiteral("invalid_pattern"),
                                     tr("[:%1:] is not a character class").arg(name));
                members += QStringLiteral("[:%1:]").arg(name);
                i = close + 1;
                continue;
            }
            // No ":]" before the next ']': the '[' is an ordinary member.
            members += literal(c);
            ++i;
            continue;
        }
        if (c == U'\\') {
            if (++i >= n)
                return makeError(QStringLiteral("invalid_pattern"), tr("a '[' has no closing ']'"));
            c = glob[i];
        }
        // A range: "x-y" where '-' is not last.
        if (i + 2 < n && glob[i + 1] == U'-' && glob[i + 2] != U']') {
            size_t j = i + 2;
            char32_t to = glob[j];
            if (to == U'\\') {
                if (++j >= n)
                    return makeError(QStringLiteral("invalid_pattern"),
                                     tr("a '[' has no closing ']'"));
                to = glob[j];
            }
            if (c <= to)
                members += literal(c) + u'-' + literal(to);
            i = j + 1;
            continue;
        }
        members += literal(c);
        ++i;
    }
    *end = i;
    // With a path, a bracket never matches '/'.
    if (negated)
        return QString(QStringLiteral("[^/") + members + u']');
    if (members.isEmpty())
        return QStringLiteral("(?!)");
    return QString(QStringLiteral("(?!/)[") + members + u']');
}

// Glob → regular expression for one gitignore pattern (already stripped of '!' and a
// trailing '/'). anchored: the pattern is matched from the rule's folder, else at any depth.
Result<QString> globToRegex(const QString &text, bool anchored)
{
    const std::u32string glob = text.toStdU32String();
    QString rx = anchored ? QStringLiteral("^") : QStringLiteral("^(?:.*/)?");
    const size_t n = glob.size();
    for (size_t i = 0; i < n; ++i) {
        const char32_t c = glob[i];
        if (c == U'*') {
            const bool doubleStar = i + 1 < n && glob[i + 1] == U'*';
            if (doubleStar) {
                const bool atStart = i == 0;
                const bool slashAfter = i + 2 < n && glob[i + 2] == U'/';
                const bool atEnd = i + 2 == n;
                if ((atStart || glob[i - 1] == U'/') && slashAfter) {
                    rx += QStringLiteral("(?:.*/)?"); // "**/": any number of folders
                    i += 2;
                    continue;
                }
                if (atEnd && i > 0 && glob[i - 1] == U'/') {
                    rx += QStringLiteral(".*"); // "/**": everything inside
                    i += 1;
                    continue;
                }
                rx += QStringLiteral("[^/]*");
                i += 1;
                continue;
            }
            rx += QStringLiteral("[^/]*");
        } else if (c == U'?') {
            rx += QStringLiteral("[^/]");
        } else if (c == U'[') {
            size_t close = i;
            auto set = bracketToRegex(glob, i, &close);
            if (!set)
                return set.error();
            rx += *set;
            i = close;
        } else if (c == U'\\') {
            if (i + 1 == n)
                return makeError(QStringLiteral("invalid_pattern"), tr("it ends with a lone '\\'"));
            rx += literal(glob[++i]);
        } else {
            rx += literal(c);
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
    rules.addFile({}, QByteArrayLiteral(".git/\n__pycache__/\n.DS_Store\n"));
    return rules;
}

QList<Issue> IgnoreRules::addFile(const QByteArray &base, const QByteArray &content)
{
    QList<Issue> issues;
    const QByteArray folder = base.isEmpty() || base.endsWith('/') ? base : base + '/';
    const QByteArray file = folder + ".suanliignore";
    int number = 0;
    for (const QByteArray &line : content.split('\n')) {
        ++number;
        if (auto added = addLine(base, line); !added)
            issues.append({file, makeError(QStringLiteral("invalid_ignore_rule"),
                                           tr("Line %1 of %2, \"%3\", is not a valid pattern "
                                              "(%4); it is not applied.")
                                               .arg(number)
                                               .arg(QString::fromUtf8(file),
                                                    QString::fromUtf8(line.trimmed()),
                                                    added.error().message))});
    }
    return issues;
}

Result<void> IgnoreRules::addLine(const QByteArray &base, const QByteArray &rawLine)
{
    QString line = QString::fromUtf8(rawLine);
    if (line.endsWith(u'\r'))
        line.chop(1);
    // Trailing spaces go unless escaped with a backslash.
    while (line.endsWith(u' ') && !line.endsWith(QStringLiteral("\\ ")))
        line.chop(1);
    if (line.isEmpty() || line.startsWith(u'#'))
        return {};
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
        return {};
    const bool anchored = line.contains(u'/');
    // One leading '/' anchors; a second one is part of the pattern (as in git).
    if (line.startsWith(u'/'))
        line.remove(0, 1);
    rule.base = base.isEmpty() || base.endsWith('/') ? base : base + '/';
    const auto pattern = globToRegex(line, anchored);
    if (!pattern)
        return pattern.error();
    rule.regex = QRegularExpression(*pattern, QRegularExpression::DontCaptureOption);
    if (!rule.regex.isValid())
        return makeError(QStringLiteral("invalid_pattern"), rule.regex.errorString());
    m_rules.append(std::move(rule));
    return {};
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
