#include "ignorerules.h"

#include <QCoreApplication>

namespace suanli::sync {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::sync::IgnoreRules", text);
}

/// UTF-8 to code points; a byte that is not part of valid UTF-8 becomes U+DC80..U+DCFF (which
/// valid UTF-8 never gives), so any name still matches itself byte for byte.
std::u32string decode(const QByteArray &bytes)
{
    std::u32string out;
    out.reserve(size_t(bytes.size()));
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = s[i];
        int length = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if (c < 0x80) {
            out += char32_t(c);
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, cp = c & 0x07, min = 0x10000;
        }
        bool valid = length > 0 && i + length <= n;
        for (int k = 1; valid && k < length; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                valid = false;
            else
                cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        valid = valid && cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
        if (valid) {
            out += cp;
            i += length;
        } else {
            out += char32_t(0xDC00 + c);
            ++i;
        }
    }
    return out;
}

// The POSIX classes of git's wildmatch, ASCII only as there (git's own ctype).
std::optional<bool> inClass(std::u32string_view name, char32_t c)
{
    const bool ascii = c < 0x80;
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = c >= 'a' && c <= 'z';
    const bool digit = c >= '0' && c <= '9';
    const bool graph = c >= 0x21 && c <= 0x7E;
    if (name == U"alnum")
        return upper || lower || digit;
    if (name == U"alpha")
        return upper || lower;
    if (name == U"blank")
        return c == ' ' || c == '\t';
    if (name == U"cntrl")
        return ascii && (c < 0x20 || c == 0x7F);
    if (name == U"digit")
        return digit;
    if (name == U"graph")
        return graph;
    if (name == U"lower")
        return lower;
    if (name == U"print")
        return graph || c == ' ';
    if (name == U"punct")
        return graph && !(upper || lower || digit);
    if (name == U"space")
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    if (name == U"upper")
        return upper;
    if (name == U"xdigit")
        return digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    return std::nullopt;
}

enum class Wild
{
    Match,
    NoMatch,
    AbortAll,        ///< no later start of a '*' can match either
    AbortToStarStar, ///< only a '**' further out may still match
};

// git's wildmatch (dowild), over code points. pathname: '*', '?' and '[…]' never match '/',
// "**" between slashes matches any number of folders. Both strings end in a NUL.
Wild wildmatch(const char32_t *pattern, const char32_t *p, const char32_t *text, bool pathname)
{
    for (char32_t pc; (pc = *p) != 0; ++text, ++p) {
        char32_t tc = *text;
        if (tc == 0 && pc != '*')
            return Wild::AbortAll;
        switch (pc) {
        case '\\':
            pc = *++p;
            if (tc != pc)
                return Wild::NoMatch;
            continue;
        case '?':
            if (pathname && tc == '/')
                return Wild::NoMatch;
            continue;
        case '*': {
            bool matchSlash = !pathname;
            if (*++p == '*') {
                const char32_t *before = p - 2;
                while (*++p == '*') {
                }
                if ((before < pattern || *before == '/') &&
                    (*p == 0 || *p == '/' || (p[0] == '\\' && p[1] == '/'))) {
                    // "**/" may match no folder at all: try the rest right here.
                    if (p[0] == '/' && wildmatch(pattern, p + 1, text, pathname) == Wild::Match)
                        return Wild::Match;
                    matchSlash = true;
                }
            }
            if (*p == 0) {
                if (!matchSlash) {
                    for (const char32_t *t = text; *t; ++t) {
                        if (*t == '/')
                            return Wild::NoMatch;
                    }
                }
                return Wild::Match;
            }
            for (;;) {
                if (tc == 0)
                    break;
                const Wild rest = wildmatch(pattern, p, text, pathname);
                if (rest != Wild::NoMatch) {
                    if (!matchSlash || rest != Wild::AbortToStarStar)
                        return rest;
                } else if (!matchSlash && tc == '/') {
                    return Wild::AbortToStarStar;
                }
                tc = *++text;
            }
            return Wild::AbortAll;
        }
        case '[': {
            pc = *++p;
            if (pc == '!')
                pc = '^';
            const bool negated = pc == '^';
            if (negated)
                pc = *++p;
            char32_t previous = 0;
            bool matched = false;
            do {
                if (pc == 0)
                    return Wild::AbortAll;
                if (pc == '\\') {
                    pc = *++p;
                    if (pc == 0)
                        return Wild::AbortAll;
                    if (tc == pc)
                        matched = true;
                } else if (pc == '-' && previous && p[1] && p[1] != ']') {
                    pc = *++p;
                    if (pc == '\\') {
                        pc = *++p;
                        if (pc == 0)
                            return Wild::AbortAll;
                    }
                    if (tc <= pc && tc >= previous)
                        matched = true;
                    pc = 0; // a range's end does not start another
                } else if (pc == '[' && p[1] == ':') {
                    const char32_t *name = p += 2;
                    while ((pc = *p) != 0 && pc != ']')
                        ++p;
                    if (pc == 0)
                        return Wild::AbortAll;
                    const ptrdiff_t length = p - name - 1;
                    if (length < 0 || p[-1] != ':') {
                        // Not "[:name:]": a plain '['.
                        p = name - 2;
                        pc = '[';
                        if (tc == pc)
                            matched = true;
                        continue;
                    }
                    const auto in = inClass(std::u32string_view(name, size_t(length)), tc);
                    if (!in)
                        return Wild::AbortAll;
                    if (*in)
                        matched = true;
                    pc = 0;
                } else if (tc == pc) {
                    matched = true;
                }
            } while (previous = pc, (pc = *++p) != ']');
            if (matched == negated || (pathname && tc == '/'))
                return Wild::NoMatch;
            continue;
        }
        default:
            if (tc != pc)
                return Wild::NoMatch;
            continue;
        }
    }
    return *text ? Wild::NoMatch : Wild::Match;
}

bool matches(const std::u32string &pattern, const char32_t *text, bool pathname)
{
    return wildmatch(pattern.c_str(), pattern.c_str(), text, pathname) == Wild::Match;
}

/// Why a pattern can never match (git's wildmatch gives up on it the same way), or nothing.
std::optional<QString> invalidReason(const std::u32string &pattern)
{
    const size_t n = pattern.size();
    const QString unclosed =
        QCoreApplication::translate("suanli::sync::IgnoreRules", "a '[' is never closed");
    for (size_t i = 0; i < n; ++i) {
        if (pattern[i] == '\\') {
            if (++i == n)
                return QCoreApplication::translate("suanli::sync::IgnoreRules",
                                                   "it ends in a lone '\\'");
            continue;
        }
        if (pattern[i] != '[')
            continue;
        size_t j = i + 1;
        if (j < n && (pattern[j] == '!' || pattern[j] == '^'))
            ++j;
        char32_t previous = 0;
        for (;;) {
            if (j >= n)
                return unclosed;
            const char32_t c = pattern[j];
            if (c == '\\') {
                if (++j >= n)
                    return unclosed;
                previous = pattern[j];
            } else if (c == '-' && previous && j + 1 < n && pattern[j + 1] != ']') {
                ++j;
                if (pattern[j] == '\\' && ++j >= n)
                    return unclosed;
                previous = 0;
            } else if (c == '[' && j + 1 < n && pattern[j + 1] == ':') {
                const size_t close = pattern.find(U']', j + 2);
                if (close == std::u32string::npos)
                    return unclosed;
                if (close >= j + 3 && pattern[close - 1] == ':') {
                    const std::u32string name = pattern.substr(j + 2, close - 1 - (j + 2));
                    if (!inClass(name, 0))
                        return QCoreApplication::translate(
                                   "suanli::sync::IgnoreRules",
                                   "[:%1:] is not a character class (alnum, alpha, blank, cntrl, "
                                   "digit, graph, lower, print, punct, space, upper, xdigit)")
                            .arg(QString::fromUcs4(name.data(), qsizetype(name.size())));
                    previous = 0;
                    j = close;
                } else {
                    previous = '[';
                }
            } else {
                previous = c;
            }
            if (++j < n && pattern[j] == ']')
                break;
        }
        i = j;
    }
    return std::nullopt;
}

// git's trim_trailing_spaces: trailing spaces go unless the last one is escaped.
void trimTrailingSpaces(QByteArray &line)
{
    qsizetype lastSpace = -1;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (c == ' ') {
            if (lastSpace < 0)
                lastSpace = i;
        } else if (c == '\\') {
            if (++i == line.size())
                return;
            lastSpace = -1;
        } else {
            lastSpace = -1;
        }
    }
    if (lastSpace >= 0)
        line.truncate(lastSpace);
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

QList<Issue> IgnoreRules::addFile(const QByteArray &base, const QByteArray &content)
{
    QList<Issue> issues;
    QByteArray text = content;
    if (text.startsWith("\xEF\xBB\xBF")) // a UTF-8 byte order mark, skipped as git does
        text.remove(0, 3);
    const QList<QByteArray> lines = text.split('\n');
    const QByteArray file = base.isEmpty()
                                ? QByteArrayLiteral(".suanliignore")
                                : (base.endsWith('/') ? base : base + '/') + ".suanliignore";
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (const auto reason = addLine(base, lines.at(i))) {
            QByteArray shown = lines.at(i);
            if (shown.endsWith('\r'))
                shown.chop(1);
            issues.append({file, makeError(QStringLiteral("invalid_ignore_pattern"),
                                           tr("line %1, \"%2\", is not a valid pattern and ignores "
                                              "nothing: %3")
                                               .arg(i + 1)
                                               .arg(QString::fromUtf8(shown), *reason))});
        }
    }
    return issues;
}

std::optional<QString> IgnoreRules::addLine(const QByteArray &base, const QByteArray &rawLine)
{
    QByteArray line = rawLine;
    if (line.isEmpty() || line.startsWith('#'))
        return std::nullopt;
    if (line.endsWith('\r'))
        line.chop(1);
    trimTrailingSpaces(line);
    Rule rule;
    if (line.startsWith('!')) {
        rule.negated = true;
        line.remove(0, 1);
    }
    if (line.endsWith('/')) {
        rule.directoryOnly = true;
        line.chop(1);
    }
    rule.basenameOnly = !line.contains('/');
    if (!rule.basenameOnly && line.startsWith('/'))
        line.remove(0, 1);
    if (line.isEmpty())
        return std::nullopt;
    rule.pattern = decode(line);
    if (auto reason = invalidReason(rule.pattern))
        return reason;
    rule.base = decode(base.isEmpty() || base.endsWith('/') ? base : base + '/');
    m_rules.append(std::move(rule));
    return std::nullopt;
}

bool IgnoreRules::isIgnored(const QByteArray &path, bool isDirectory) const
{
    const std::u32string full = decode(path);
    // A folder is ignored when any of its ancestors is: check each prefix, shortest first.
    size_t from = 0;
    for (;;) {
        const size_t slash = full.find(U'/', from);
        const bool last = slash == std::u32string::npos;
        const std::u32string prefix = last ? full : full.substr(0, slash);
        const bool prefixIsDirectory = last ? isDirectory : true;
        const size_t nameStart =
            prefix.rfind(U'/') == std::u32string::npos ? 0 : prefix.rfind(U'/') + 1;
        bool ignored = false;
        // The last matching rule decides: look from the end.
        for (auto rule = m_rules.crbegin(); rule != m_rules.crend(); ++rule) {
            if (rule->directoryOnly && !prefixIsDirectory)
                continue;
            if (prefix.size() <= rule->base.size() ||
                prefix.compare(0, rule->base.size(), rule->base) != 0)
                continue;
            const bool hit = rule->basenameOnly
                                 ? matches(rule->pattern, prefix.c_str() + nameStart, false)
                                 : matches(rule->pattern, prefix.c_str() + rule->base.size(), true);
            if (hit) {
                ignored = !rule->negated;
                break;
            }
        }
        if (ignored)
            return true;
        if (last)
            return false;
        from = slash + 1;
    }
}

} // namespace suanli::sync
