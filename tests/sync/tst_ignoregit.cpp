// .suanliignore against git itself: seeded trees of odd names with seeded pattern files, the
// paths scanLocalTree keeps compared with what `git check-ignore --no-index` says for the same
// patterns as .gitignore files (docs/sync.md, "What a run does").
#include "sync/ignorerules.h"
#include "sync/localtree.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace suanli::sync;

namespace {

// Name pieces: glob specials, spaces, control characters, newlines, dots, '!' and '#' at the start.
const QList<QByteArray> kAsciiPieces = {
    "a",  "b",  "c",  "A",    "Z",    "x",  "0", "7", "foo", "bar", "log", ".log", ".txt", ".",
    "-",  "_",  " ",  "  ",   "#",    "!",  "*", "?", "[",   "]",   "\\",  ":",    "^",    "tab\t",
    "\v", "\f", "\r", "\x01", "\x7f", "\n", "~", "$", "{",   "}",   "=",   "@"};
// Names beyond ASCII: '?' and '[…]' match one character here and one byte in git, so these
// trees get patterns without them (docs/sync.md).
const QList<QByteArray> kUnicodePieces = {"数据", "集", "é", "ü", "\xff", "\xc3", "a", "b",
                                          ".",    " ",  "*", "x", "日本", "Ω",    "-"};

struct Tree
{
    QList<QByteArray> files;
    QList<QByteArray> dirs;
    QList<QByteArray> names; ///< every name used, for patterns to aim at
};

QByteArray randomName(QRandomGenerator &random, const QList<QByteArray> &pieces)
{
    for (;;) {
        QByteArray name;
        const int parts = 1 + int(random.bounded(3));
        for (int i = 0; i < parts; ++i)
            name += pieces.at(random.bounded(int(pieces.size())));
        if (random.bounded(6) == 0)
            name.prepend('.');
        // A leading ':' would be pathspec magic to git check-ignore, not part of the name.
        if (name == "." || name == ".." || name == ".git" || name == ".gitignore" ||
            name == ".suanliignore" || name.startsWith(':'))
            continue;
        return name;
    }
}

void makeTree(QRandomGenerator &random, const QList<QByteArray> &pieces, const QByteArray &dir,
              int depth, Tree *tree)
{
    QSet<QByteArray> used;
    const int count = 2 + int(random.bounded(5));
    for (int i = 0; i < count; ++i) {
        const QByteArray name = randomName(random, pieces);
        if (used.contains(name))
            continue;
        used.insert(name);
        tree->names.append(name);
        const QByteArray path = dir.isEmpty() ? name : dir + '/' + name;
        if (depth < 3 && random.bounded(3) == 0) {
            tree->dirs.append(path);
            makeTree(random, pieces, path, depth + 1, tree);
        } else {
            tree->files.append(path);
        }
    }
}

QByteArray escapeGlob(const QByteArray &name)
{
    QByteArray out;
    for (const char c : name) {
        if (QByteArrayView("*?[]\\!# ").contains(c))
            out += '\\';
        out += c;
    }
    return out;
}

// One pattern line of the full grammar (ascii) or without '?' and '[…]'.
QByteArray randomPattern(QRandomGenerator &random, const Tree &tree, bool ascii)
{
    static const QList<QByteArray> classes = {
        "[[:alnum:]]", "[[:alpha:]]",  "[[:blank:]]",  "[[:cntrl:]]",          "[[:digit:]]",
        "[[:graph:]]", "[[:lower:]]",  "[[:print:]]",  "[[:punct:]]",          "[[:space:]]",
        "[[:upper:]]", "[[:xdigit:]]", "[![:alpha:]]", "[^[:punct:][:digit:]]"};
    static const QList<QByteArray> sets = {
        "[a-z]", "[!a-c]", "[^x]",  "[]a]",  "[a-]",          "[!]]",  "[\\]-a]",  "[*?]",
        "[[]",   "[.]",    "[ -/]", "[Z-a]", "[[:alpha:]-z]", "[[:x]", "[:alpha:]"};
    static const QList<QByteArray> wild = {"*", "**", "*.*", "\\*", "\\ ", "\\#", "\\!"};
    auto piece = [&]() -> QByteArray {
        const int kind = int(random.bounded(ascii ? 6 : 3));
        if (kind == 0 || tree.names.isEmpty())
            return wild.at(random.bounded(int(wild.size())));
        if (kind == 1 || kind == 2) {
            QByteArray name = tree.names.at(random.bounded(int(tree.names.size())));
            // Beyond ASCII a pattern must be UTF-8 cut at whole characters: a stray byte in a
            // pattern matches only itself here, in git also the start of a character.
            const QString text = QString::fromUtf8(name);
            if (!ascii && text.toUtf8() != name)
                return "*";
            if (random.bounded(3) == 0)
                return escapeGlob(
                           text.left(qsizetype(random.bounded(int(text.size()) + 1))).toUtf8()) +
                       '*';
            return escapeGlob(name);
        }
        if (kind == 3)
            return "?";
        if (kind == 4)
            return classes.at(random.bounded(int(classes.size())));
        return sets.at(random.bounded(int(sets.size())));
    };
    QByteArray line;
    const int parts = 1 + int(random.bounded(3));
    for (int i = 0; i < parts; ++i) {
        line += piece();
        if (i + 1 < parts && random.bounded(2) == 0)
            line += random.bounded(4) == 0 ? "/**/" : "/";
    }
    switch (random.bounded(8)) {
    case 0:
        line.prepend('/');
        break;
    case 1:
        line.prepend("**/");
        break;
    case 2:
        line.append("/**");
        break;
    case 3:
        line.append('/');
        break;
    default:
        break;
    }
    if (random.bounded(4) == 0)
        line.prepend('!');
    if (random.bounded(10) == 0)
        line.append("  ");
    if (random.bounded(25) == 0)
        line = random.bounded(2) ? QByteArray("[abc") : QByteArray("[[:nope:]]x");
    if (random.bounded(20) == 0)
        line.prepend("# ");
    return line;
}

bool writeBytes(const QByteArray &path, const QByteArray &content)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, content.constData(), size_t(content.size())) == content.size();
    ::close(fd);
    return ok;
}

} // namespace

class TestIgnoreGit : public QObject
{
    Q_OBJECT
private slots:
    void sameAsGit_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<bool>("ascii");
        for (quint32 seed = 1; seed <= 60; ++seed)
            QTest::addRow("seed %u %s", seed, seed % 3 ? "ascii" : "unicode")
                << seed << (seed % 3 != 0);
    }

    void sameAsGit()
    {
        QFETCH(quint32, seed);
        QFETCH(bool, ascii);
        QRandomGenerator random(seed);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray root = QFile::encodeName(dir.filePath(QStringLiteral("tree")));
        // Names that are not UTF-8 have no QString to remove them by: nftw on the bytes.
        const auto removeTree = qScopeGuard([&] {
            if (dir.autoRemove())
                ::nftw(
                    root.constData(),
                    [](const char *path, const struct stat *, int, FTW *) {
                        return ::remove(path);
                    },
                    16, FTW_DEPTH | FTW_PHYS);
        });
        QVERIFY(::mkdir(root.constData(), 0755) == 0);
        Tree tree;
        makeTree(random, ascii ? kAsciiPieces : kUnicodePieces, {}, 0, &tree);
        for (const QByteArray &d : tree.dirs)
            QVERIFY2(::mkdir(QByteArray(root + '/' + d).constData(), 0755) == 0, d.constData());
        for (const QByteArray &f : tree.files)
            QVERIFY2(writeBytes(QByteArray(root + '/' + f), "x"), f.constData());
        // Pattern files in the root and some folders, the same lines for both.
        QList<QByteArray> ruleFolders{QByteArray()};
        for (const QByteArray &d : tree.dirs) {
            if (random.bounded(3) == 0)
                ruleFolders.append(d);
        }
        QByteArray shown;
        QList<QByteArray> all = tree.files + tree.dirs;
        for (const QByteArray &folder : ruleFolders) {
            QByteArray content;
            const int lines = 3 + int(random.bounded(8));
            for (int i = 0; i < lines; ++i)
                content += randomPattern(random, tree, ascii) + '\n';
            const QByteArray base = folder.isEmpty() ? root : root + '/' + folder;
            QVERIFY(writeBytes(base + "/.gitignore", content));
            QVERIFY(writeBytes(base + "/.suanliignore", content));
            const QByteArray prefix = folder.isEmpty() ? QByteArray() : folder + '/';
            all << prefix + ".gitignore" << prefix + ".suanliignore";
            shown += "--- " + prefix + ".gitignore\n" + content;
        }

        // git's verdict, with no configuration but the test's own.
        const QString gitDir = dir.filePath(QStringLiteral("repo.git"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
        env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
        env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
        auto git = [&](const QStringList &args, const QByteArray &input, QByteArray *out) {
            QProcess process;
            process.setProcessEnvironment(env);
            process.setWorkingDirectory(QFile::decodeName(root));
            process.start(QStringLiteral("git"),
                          QStringList{QStringLiteral("--git-dir=") + gitDir,
                                      QStringLiteral("--work-tree=") + QFile::decodeName(root)} +
                              args);
            if (!process.waitForStarted(10000))
                return -1;
            process.write(input);
            process.closeWriteChannel();
            process.waitForFinished(60000);
            if (out)
                *out = process.readAllStandardOutput();
            return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        };
        QCOMPARE(git({QStringLiteral("init"), QStringLiteral("-q")}, {}, nullptr), 0);
        QByteArray input;
        for (const QByteArray &path : all)
            input += path + '\0';
        QByteArray output;
        const int checked = git({QStringLiteral("check-ignore"), QStringLiteral("--no-index"),
                                 QStringLiteral("-z"), QStringLiteral("--stdin")},
                                input, &output);
        QVERIFY2(checked == 0 || checked == 1, "git check-ignore failed");
        QSet<QByteArray> gitIgnored;
        for (const QByteArray &path : output.split('\0')) {
            if (!path.isEmpty())
                gitIgnored.insert(path);
        }

        // Ours: what the real scan keeps.
        IgnoreRules rules;
        QList<Issue> issues;
        const auto listing = scanLocalTree(QFile::decodeName(root), rules, &issues);
        QVERIFY(listing.ok());
        QSet<QByteArray> kept;
        for (const Entry &entry : listing->entries)
            kept.insert(entry.path);

        QStringList differences;
        for (const QByteArray &path : all) {
            const bool gitKeeps = !gitIgnored.contains(path);
            if (gitKeeps != kept.contains(path))
                differences << QStringLiteral("%1: git %2, suanli %3")
                                   .arg(QString::fromLatin1(path.toPercentEncoding("/")),
                                        gitKeeps ? QStringLiteral("keeps")
                                                 : QStringLiteral("ignores"),
                                        kept.contains(path) ? QStringLiteral("keeps")
                                                            : QStringLiteral("ignores"));
        }
        if (!differences.isEmpty() && qEnvironmentVariableIsSet("SUANLI_KEEP_TREE"))
            dir.setAutoRemove(false), qWarning() << "kept" << dir.path();
        if (!differences.isEmpty())
            qWarning().noquote() << QStringLiteral("patterns:\n") +
                                        QString::fromLatin1(
                                            shown.toPercentEncoding("/ \n*?[]!#:-^\\{}.~$=@_"))
                                 << differences.mid(0, 20).join(u'\n');
        QVERIFY2(
            differences.isEmpty(),
            qPrintable(
                QStringLiteral("%1 of %2 paths differ").arg(differences.size()).arg(all.size())));
        // Every invalid line was reported, each with the file it is in.
        for (const Issue &issue : issues)
            QCOMPARE(issue.error.code, QStringLiteral("invalid_ignore_pattern"));
        QVERIFY(kept.size() > 0 || all.size() > 0);
    }
};

QTEST_GUILESS_MAIN(TestIgnoreGit)
#include "tst_ignoregit.moc"
