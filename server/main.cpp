// suanli-market: the market service and its admin commands (docs/market.md).

#include "market.h"
#include "marketconfig.h"
#include "passwords.h"
#include "moneyhandlers.h"
#include "protocol/version.h"
#include "relayauthorizer.h"
#include "relayconfig.h"
#include "relaykey.h"
#include "sqlstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

#include <cstdio>

#ifdef Q_OS_LINUX
#include "epolldispatcher.h"
#endif

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::server;

#include "authenticator.h"

#include <QTextStream>

namespace {

/// A voucher or invite code: 20 characters from an unambiguous alphabet (~100 bits) in groups of
/// five.
QByteArray randomCode(const char *prefix)
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QByteArray code(prefix);
    for (int c = 0; c < 20; ++c) {
        if (c && c % 5 == 0)
            code += '-';
        code += alphabet[QRandomGenerator::system()->bounded(32)];
    }
    return code;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "suanli-market: %s\n", qPrintable(message));
    return 1;
}

std::optional<qint64> parseFeePpm(const QString &text)
{
    auto micro = parseMoney(text); // the one exact decimal reader (money.h): 0.10 → 100,000
    if (!micro || *micro > kMicroPerUnit)
        return std::nullopt;
    return *micro;
}

/// HOST:PORT (an IPv6 host in brackets) → host and port; nullopt when malformed.
std::optional<std::pair<QString, int>> hostAndPort(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    bool ok = false;
    const int port = text.mid(colon + 1).toInt(&ok);
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (!ok || port < 1 || port > 65535 || host.isEmpty())
        return std::nullopt;
    return std::pair{host, port};
}

/// `--relay PUBLIC_HOST:PORT=HOST_KEY.pub`: the file holds the relay sshd's public host key line
/// (as ssh-keygen writes it, or a known_hosts line).
Result<RelayConfig> parseRelaySpec(const QString &spec)
{
    const qsizetype eq = spec.indexOf(u'=');
    const auto where = hostAndPort(spec.left(eq));
    if (eq < 0 || !where)
        return makeError(u"invalid_value"_s,
                         u"--relay takes PUBLIC_HOST:PORT=HOST_KEY.pub, got '%1'"_s.arg(spec));
    QFile file(spec.mid(eq + 1));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(u"invalid_value"_s,
                         u"--relay %1: cannot read the host key file %2: %3"_s.arg(
                             spec.left(eq), file.fileName(), file.errorString()));
    const QStringList lines = QString::fromUtf8(file.read(64 * 1024)).split(u'\n');
    for (const QString &line : lines) {
        const QStringList words = line.trimmed().split(u' ', Qt::SkipEmptyParts);
        const qsizetype type = words.indexOf(u"ssh-ed25519"_s);
        if (type < 0 || type + 1 >= words.size())
            continue;
        if (auto key = ed25519KeyLine(words[type] + u' ' + words[type + 1]))
            return RelayConfig{where->first, where->second, *key};
    }
    return makeError(u"invalid_value"_s,
                     u"--relay %1: %2 holds no ssh-ed25519 public host key line"_s.arg(
                         spec.left(eq), file.fileName()));
}

/// relay-config's and relay-authorize's --relay: PUBLIC_HOST:PORT, or serve's
/// PUBLIC_HOST:PORT=HOST_KEY.pub (one market.conf serves all three; the key file is not read).
QStringList relayAddresses(const QCommandLineParser &parser)
{
    QStringList addresses;
    for (const QString &spec : parser.values(u"relay"_s))
        addresses << spec.section(u'=', 0, 0);
    return addresses;
}

/// `relay-config`: prints the relay sshd's config (docs/market.md, "Relay").
int relayConfig(const QCommandLineParser &parser)
{
    if (!parser.isSet(u"listen"_s) || !parser.isSet(u"host-key"_s))
        return fail(u"usage: relay-config --db URL --listen HOST:PORT --host-key FILE "
                    "[--pid-file FILE] [--command-user USER] [--relay PUBLIC_HOST:PORT]"_s);
    const auto listen = hostAndPort(parser.value(u"listen"_s));
    if (!listen)
        return fail(u"--listen takes HOST:PORT, e.g. 0.0.0.0:2222"_s);
    RelaySshdOptions options;
    options.program = QFileInfo(QCoreApplication::applicationFilePath()).absoluteFilePath();
    QString db = parser.value(u"db"_s);
    if (db.startsWith("sqlite:"_L1)) // sshd runs the command from /
        db = u"sqlite:"_s + QFileInfo(db.mid(7)).absoluteFilePath();
    options.db = db;
    options.listenHost = listen->first;
    options.listenPort = listen->second;
    options.hostKeyPath = QFileInfo(parser.value(u"host-key"_s)).absoluteFilePath();
    options.pidFile = parser.isSet(u"pid-file"_s)
                          ? QFileInfo(parser.value(u"pid-file"_s)).absoluteFilePath()
                          : u"/run/suanli-relay-%1.pid"_s.arg(listen->second);
    if (parser.isSet(u"command-user"_s))
        options.commandUser = parser.value(u"command-user"_s);
    const QStringList relays = relayAddresses(parser);
    if (relays.size() > 1)
        return fail(u"relay-config takes at most one --relay PUBLIC_HOST:PORT"_s);
    if (!relays.isEmpty()) {
        if (!hostAndPort(relays.first()))
            return fail(u"--relay takes PUBLIC_HOST:PORT (the relay's public address)"_s);
        options.relay = relays.first();
    }
    auto text = relaySshdConfig(options);
    if (!text)
        return fail(text.error().message);
    std::fputs(text->toUtf8().constData(), stdout);
    return 0;
}

/// `relay-authorize USER TYPE KEY`: sshd's AuthorizedKeysCommand. Reads only, exits 0, prints at
/// most one line (docs/market.md, "relay-authorize").
int relayAuthorize(const QStringList &args, const QCommandLineParser &parser)
{
    if (args.size() != 3) {
        std::fprintf(stderr, "suanli-market: usage: relay-authorize --db URL [--relay "
                             "PUBLIC_HOST:PORT] USER TYPE KEY\n");
        return 0;
    }
    const QStringList relays = relayAddresses(parser);
    auto db = Database::openReadOnly(parser.value(u"db"_s), u"relay-authorize"_s);
    if (!db) {
        std::fprintf(stderr, "suanli-market: %s\n", qPrintable(db.error().message));
        return 0;
    }
    auto line = RelayAuthorizer::answer(**db, args[0], args[1], args[2],
                                        relays.isEmpty() ? QString() : relays.first());
    if (!line) {
        std::fprintf(stderr, "suanli-market: %s\n", qPrintable(line.error().message));
        return 0;
    }
    if (!line->isEmpty())
        std::printf("%s\n", line->toUtf8().constData());
    return 0;
}

int serve(QCoreApplication &app, const QCommandLineParser &parser, const MarketPolicy &policy)
{
    const QString listen = parser.value(u"listen"_s);
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const int port = listen.mid(colon + 1).toInt(&portOk);
    QHostAddress address(listen.left(colon).remove(u'[').remove(u']'));
    if (colon < 0 || !portOk || port < 0 || port > 65535 || address.isNull())
        return fail(u"--listen takes HOST:PORT with a numeric address, e.g. 127.0.0.1:8443"_s);

    std::optional<QSslConfiguration> tls;
    if (parser.isSet(u"tls-cert"_s) != parser.isSet(u"tls-key"_s))
        return fail(u"--tls-cert and --tls-key go together"_s);
    if (parser.isSet(u"tls-cert"_s)) {
        const auto certs = QSslCertificate::fromPath(parser.value(u"tls-cert"_s), QSsl::Pem);
        QFile keyFile(parser.value(u"tls-key"_s));
        if (certs.isEmpty())
            return fail(u"no PEM certificate in %1"_s.arg(parser.value(u"tls-cert"_s)));
        if (!keyFile.open(QIODevice::ReadOnly))
            return fail(u"cannot read %1"_s.arg(keyFile.fileName()));
        const QByteArray pem = keyFile.readAll();
        QSslKey key(pem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            return fail(u"no PEM private key (EC or RSA) in %1"_s.arg(keyFile.fileName()));
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(certs);
        config.setPrivateKey(key);
        config.setProtocol(QSsl::TlsV1_2OrLater);
        tls = config;
    }

    auto store = SqlStore::open(parser.value(u"db"_s), policy, u"market"_s);
    if (!store)
        return fail(store.error().message);
    static SystemClock clock;
    auto *market = new Market(std::move(store).value(), clock, &app);
    auto port16 = market->start(address, quint16(port), tls);
    if (!port16)
        return fail(port16.error().message);
    std::printf("suanli-market listening on %s://%s:%u\n", tls ? "https" : "http",
                qPrintable(address.toString()), unsigned(*port16));
    std::fflush(stdout);
    return app.exec();
}

// ---- money in and out (issue 18) ----
/// One line of `admin topups` / `admin payouts`: tab-separated fields.
void printRow(const QStringList &fields)
{
    std::printf("%s\n", fields.join(u'\t').toUtf8().constData());
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODate) : u"-"_s;
}

/// The money admin commands; nullopt when `args` is none of them.
std::optional<int> moneyAdmin(SqlStore &s, const QStringList &args,
                              const QCommandLineParser &parser)
{
    static SystemClock clock;
    const QString command = args.value(0);
    const QString state = parser.value(u"state"_s);
    auto idArgument = [&args](qint64 *id) {
        bool ok = false;
        *id = args.value(1).toLongLong(&ok);
        return ok && *id > 0;
    };
    if (command == "topups"_L1) {
        if (!state.isEmpty() && state != "pending"_L1 && state != "paid"_L1 &&
            state != "expired"_L1)
            return fail(u"--state takes pending, paid or expired"_s);
        auto orders = s.topUpOrders(0, state, clock.nowMs());
        if (!orders)
            return fail(orders.error().message);
        printRow({u"id"_s, u"account"_s, u"reference"_s, u"amount_micro"_s, u"state"_s,
                  u"created_at"_s, u"expires_at"_s, u"paid_at"_s, u"confirmed_by"_s});
        for (const auto &o : *orders)
            printRow({QString::number(o.id), QString::number(o.account_id), o.reference,
                      QString::number(o.amount_micro), o.state, timeText(o.created_at),
                      timeText(o.expires_at), timeText(o.paid_at),
                      o.confirmed_by.isEmpty() ? u"-"_s : o.confirmed_by});
        return 0;
    }
    if (command == "confirm-topup"_L1) {
        qint64 id = 0;
        if (!idArgument(&id))
            return fail(u"usage: admin confirm-topup ID"_s);
        auto done = s.confirmTopUpOrder(id, clock.nowMs());
        if (!done)
            return fail(done.error().message);
        auto account = s.account(done->accountId);
        if (!account)
            return fail(account.error().message);
        if (!done->credited)
            std::fprintf(stderr,
                         "suanli-market: order %lld (%s) was paid before; nothing "
                         "credited\n",
                         static_cast<long long>(id), qPrintable(done->order.reference));
        std::printf("%lld\n", static_cast<long long>(account->balance_micro));
        return 0;
    }
    if (command == "payouts"_L1) {
        if (!state.isEmpty() && state != "requested"_L1 && state != "approved"_L1 &&
            state != "paid"_L1 && state != "rejected"_L1)
            return fail(u"--state takes requested, approved, paid or rejected"_s);
        auto list = s.payouts(0, state);
        if (!list)
            return fail(list.error().message);
        if (parser.isSet(u"csv"_s)) {
            std::fputs(MoneyHandlers::payoutsCsv(s, *list).toUtf8().constData(), stdout);
            return 0;
        }
        printRow({u"id"_s, u"account"_s, u"amount_micro"_s, u"state"_s, u"destination"_s,
                  u"requested_at"_s, u"reference"_s});
        for (const auto &p : *list)
            printRow({QString::number(p.id), QString::number(p.account_id),
                      QString::number(p.amount_micro), p.state,
                      QString(p.destination).replace(u'\t', u' '), timeText(p.requested_at),
                      p.reference.isEmpty() ? u"-"_s : p.reference});
        return 0;
    }
    if (command == "approve-payout"_L1 || command == "reject-payout"_L1 ||
        command == "mark-paid"_L1) {
        qint64 id = 0;
        const bool reject = command == "reject-payout"_L1;
        const bool paid = command == "mark-paid"_L1;
        const QString text = (reject ? parser.value(u"reason"_s)
                              : paid ? parser.value(u"reference"_s)
                                     : QString())
                                 .trimmed();
        if (!idArgument(&id) || ((reject || paid) && text.isEmpty()))
            return fail(reject ? u"usage: admin reject-payout ID --reason TEXT"_s
                        : paid ? u"usage: admin mark-paid ID --reference REF"_s
                               : u"usage: admin approve-payout ID"_s);
        auto done = reject ? s.rejectPayout(id, text, clock.nowMs())
                    : paid ? s.markPayoutPaid(id, text, clock.nowMs())
                           : s.approvePayout(id, clock.nowMs());
        if (!done)
            return fail(done.error().message);
        std::printf("%s\n", qPrintable(done->state));
        return 0;
    }
    return std::nullopt;
}
// ---- end money ----

int admin(const QStringList &args, const QCommandLineParser &parser, const MarketPolicy &policy)
{
    auto store = SqlStore::open(parser.value(u"db"_s), policy, u"admin"_s);
    if (!store)
        return fail(store.error().message);
    SqlStore &s = **store;
    const QString command = args.value(0);
    if (command == "verify-host"_L1 || command == "unverify-host"_L1 ||
        command == "auto-verify-host"_L1) {
        // The operator's verdict after checking a host (docs/market.md, "Verified hosts").
        bool ok = false;
        const qint64 hostId = args.value(1).toLongLong(&ok);
        if (!ok || hostId <= 0)
            return fail(u"usage: admin %1 HOST_ID"_s.arg(command));
        // auto-verify-host takes the operator's word back: the market's rule decides again.
        const std::optional<bool> verdict = command == "auto-verify-host"_L1
                                                ? std::nullopt
                                                : std::optional<bool>(command == "verify-host"_L1);
        auto host = s.setHostVerified(hostId, verdict, QDateTime::currentMSecsSinceEpoch());
        if (!host)
            return fail(host.error().message);
        std::printf("host %lld (%s): %s\n", static_cast<long long>(host->id),
                    qPrintable(host->name), host->verified ? "verified" : "not verified");
        return 0;
    }
    if (command == "create-account"_L1) {
        if (args.size() < 2)
            return fail(u"usage: admin create-account NAME [--roles renter,lender,admin]"_s);
        const QStringList roles = parser.value(u"roles"_s).split(u',', Qt::SkipEmptyParts);
        for (const QString &role : roles) {
            if (role != "renter"_L1 && role != "lender"_L1 && role != "admin"_L1)
                return fail(u"unknown role '%1' (renter, lender, admin)"_s.arg(role));
        }
        auto id = s.createAccount(args[1], roles);
        if (!id)
            return fail(id.error().message);
        std::printf("%lld\n", static_cast<long long>(*id));
        return 0;
    }
    if (command == "issue-token"_L1) {
        if (args.size() < 2)
            return fail(u"usage: admin issue-token ACCOUNT [--label TEXT]"_s);
        auto id = s.findAccount(args[1]);
        if (!id)
            return fail(id.error().message);
        const QByteArray token = generateToken("sk_");
        const QString label =
            parser.isSet(u"label"_s) ? parser.value(u"label"_s) : u"issued by the operator"_s;
        auto r =
            s.addAccountToken(QCryptographicHash::hash(token, QCryptographicHash::Sha256), *id,
                              label, tokenPrefix(token), 0, QDateTime::currentMSecsSinceEpoch());
        if (!r)
            return fail(r.error().message);
        std::printf("%s\n", token.constData());
        return 0;
    }
    if (command == "set-password"_L1) {
        // The password comes on stdin (one line), never on the command line where `ps` shows it.
        if (args.size() < 2)
            return fail(u"usage: admin set-password ACCOUNT < password"_s);
        auto id = s.findAccount(args[1]);
        if (!id)
            return fail(id.error().message);
        QTextStream in(stdin);
        const QString password = in.readLine();
        if (auto weak = passwords::checkStrength(password); !weak)
            return fail(weak.error().message);
        auto hash = passwords::hash(password);
        if (!hash)
            return fail(hash.error().message);
        auto revoked = s.setPassword(*id, *hash, 0, QDateTime::currentMSecsSinceEpoch());
        if (!revoked)
            return fail(revoked.error().message);
        std::printf("%lld\n", static_cast<long long>(revoked->size())); // keys revoked
        return 0;
    }
    if (command == "create-invites"_L1) {
        bool ok = false;
        const int count = parser.value(u"count"_s).toInt(&ok);
        if (!ok || count < 1 || count > 100000)
            return fail(u"usage: admin create-invites --count N (1 to 100000)"_s);
        for (int i = 0; i < count; ++i) {
            const QByteArray code = randomCode("INV-");
            auto r = s.createInvite(QString::fromLatin1(code), QDateTime::currentMSecsSinceEpoch());
            if (!r)
                return fail(r.error().message);
            std::printf("%s\n", code.constData());
        }
        return 0;
    }
    if (command == "topup"_L1) {
        if (args.size() < 3 || !parser.isSet(u"key"_s))
            return fail(u"usage: admin topup ACCOUNT AMOUNT --key IDEMPOTENCY_KEY"_s);
        auto id = s.findAccount(args[1]);
        if (!id)
            return fail(id.error().message);
        auto amount = parseMoney(args[2]);
        if (!amount || *amount <= 0)
            return fail(
                u"AMOUNT is a positive number of %1, up to 6 decimals"_s.arg(policy.currency));
        auto balance = s.topUp(*id, *amount, parser.value(u"key"_s));
        if (!balance)
            return fail(balance.error().message);
        std::printf("%lld\n", static_cast<long long>(*balance));
        return 0;
    }
    if (command == "create-vouchers"_L1) {
        if (args.size() < 2)
            return fail(u"usage: admin create-vouchers AMOUNT --count N"_s);
        auto amount = parseMoney(args[1]);
        if (!amount || *amount <= 0)
            return fail(u"AMOUNT is a positive number of %1"_s.arg(policy.currency));
        bool ok = false;
        const int count = parser.value(u"count"_s).toInt(&ok);
        if (!ok || count < 1 || count > 100000)
            return fail(u"--count takes 1 to 100000"_s);
        for (int i = 0; i < count; ++i) {
            const QByteArray code = randomCode("");
            auto r = s.createVoucher(QString::fromLatin1(code), *amount);
            if (!r)
                return fail(r.error().message);
            std::printf("%s\n", code.constData());
        }
        return 0;
    }
    // ---- money in and out (issue 18, docs/market.md "Top-ups and payouts") ----
    if (auto money = moneyAdmin(s, args, parser))
        return *money;
    // ---- end money ----
    return fail(
        u"unknown admin command '%1' (create-account, issue-token, set-password, topup, "
        "create-vouchers, create-invites, topups, confirm-topup, payouts, approve-payout, "
        "reject-payout, mark-paid, verify-host, unverify-host, auto-verify-host)"_s.arg(command));
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef Q_OS_LINUX
    // Thousands of agent sockets: a wake-up must cost what is ready, not what is open.
    // SUANLI_EVENT_DISPATCHER=qt keeps Qt's own poll()-based dispatcher.
    if (qgetenv("SUANLI_EVENT_DISPATCHER") != "qt") {
        auto *dispatcher = new suanli::server::EpollDispatcher;
        if (dispatcher->isValid())
            QCoreApplication::setEventDispatcher(dispatcher);
        else
            delete dispatcher;
    }
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"suanli-market"_s);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(suanli::protocol::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Suanli market service (docs/market.md).\n\n"
        "Commands:\n"
        "  serve --db URL --listen HOST:PORT [--tls-cert FILE --tls-key FILE]\n"
        "        [--relay PUBLIC_HOST:PORT=HOST_KEY.pub …] [--relay-ports MIN-MAX]\n"
        "        [--signup open|invite|closed] [--trusted-proxy ADDRESS …]\n"
        "        [--registry URL [--registry-credentials FILE]]\n"
        "      runs the market (migrates the database first)\n"
        "  admin --db URL create-account NAME [--roles renter,lender,admin]\n"
        "      creates an account, prints its id\n"
        "  admin --db URL issue-token ACCOUNT [--label TEXT]\n"
        "      prints a new API token (sk_…) of the account\n"
        "  admin --db URL set-password ACCOUNT < PASSWORD\n"
        "      sets the account's password from stdin, revokes its other keys\n"
        "  admin --db URL create-invites [--count N]\n"
        "      prints N invite codes for `--signup invite`\n"
        "  admin --db URL topup ACCOUNT AMOUNT --key IDEMPOTENCY_KEY\n"
        "      credits the account, prints the balance in micro-units\n"
        "  admin --db URL create-vouchers AMOUNT [--count N]\n"
        "      prints N voucher codes worth AMOUNT each\n"
        "  admin --db URL topups [--state S] · confirm-topup ID\n"
        "      lists top-up orders; credits a paid order once, prints the balance\n"
        "  admin --db URL payouts [--state S] [--csv] · approve-payout ID ·\n"
        "        reject-payout ID --reason TEXT · mark-paid ID --reference REF\n"
        "      lists payouts (the CSV of transfers to make); each step of one payout\n"
        "  admin --db URL verify-host HOST_ID · unverify-host HOST_ID · auto-verify-host HOST_ID\n"
        "      the operator's verdict on a host: its offer says verified, or not, whatever the\n"
        "      market's rule says; auto-verify-host hands it back to the rule\n"
        "  relay-config --db URL --listen HOST:PORT --host-key FILE [--pid-file FILE]\n"
        "        [--command-user USER] [--relay PUBLIC_HOST:PORT]\n"
        "      prints the sshd_config of a relay sshd (docs/relay.md)\n"
        "  relay-authorize --db URL [--relay PUBLIC_HOST:PORT] USER TYPE KEY\n"
        "      the relay sshd's AuthorizedKeysCommand (%u %t %k)\n\n"
        "Every option may also come from --config FILE: `key = value` lines whose keys are the\n"
        "long option names (e.g. `db = sqlite:/var/lib/suanli-market/market.db`; `relay` may\n"
        "repeat); an option on the command line wins over the file."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<QCommandLineOption> options = {
        {u"db"_s, u"sqlite:PATH or postgresql://user:pass@host:port/db"_s, u"url"_s},
        {u"listen"_s, u"HOST:PORT to listen on"_s, u"address"_s, u"127.0.0.1:8443"_s},
        {u"tls-cert"_s, u"PEM certificate chain for HTTPS"_s, u"file"_s},
        {u"tls-key"_s, u"PEM private key for HTTPS"_s, u"file"_s},
        {u"currency"_s, u"the market's currency"_s, u"code"_s, u"CNY"_s},
        {u"platform-fee"_s, u"share of each charge kept by the platform"_s, u"fraction"_s,
         u"0.10"_s},
        {u"retention-days"_s, u"days a stopped instance is kept"_s, u"days"_s, u"15"_s},
        {u"host-lost-after"_s, u"seconds of silence before a host is lost"_s, u"seconds"_s,
         u"90"_s},
        {u"interrupted-release-after"_s,
         u"seconds an interrupted instance keeps its GPUs before it is released (0: never)"_s,
         u"seconds"_s, u"86400"_s},
        {u"roles"_s, u"roles for create-account"_s, u"list"_s, u"renter"_s},
        {u"key"_s, u"idempotency key for topup"_s, u"key"_s},
        {u"count"_s, u"how many vouchers or invites"_s, u"n"_s, u"1"_s},
        {u"label"_s, u"issue-token: what the key is for"_s, u"text"_s},
        {u"signup"_s, u"who may make an account: open, invite (with a code) or closed"_s, u"mode"_s,
         u"closed"_s},
        {u"trusted-proxy"_s,
         u"a reverse proxy whose X-Forwarded-For names the client (repeatable)"_s, u"address"_s},
        {u"relay"_s,
         u"serve: a relay sshd, PUBLIC_HOST:PORT=HOST_KEY.pub (repeatable); relay-config and "
         "relay-authorize: PUBLIC_HOST:PORT, that relay only"_s,
         u"relay"_s},
        {u"relay-ports"_s, u"relay ports handed to relayed instances"_s, u"min-max"_s,
         u"20000-29999"_s},
        {u"host-key"_s, u"relay-config: the relay sshd's private host key file"_s, u"file"_s},
        {u"pid-file"_s, u"relay-config: the relay sshd's PID file"_s, u"file"_s},
        {u"command-user"_s, u"relay-config: the user running relay-authorize"_s, u"user"_s,
         u"suanli-market"_s},
        {u"registry"_s,
         u"serve: the registry (https://HOST:PORT) agents push saved images to, so any host can "
         "pull them"_s,
         u"url"_s},
        {u"registry-credentials"_s,
         u"serve: file with one line user:password for --registry (given to agents)"_s, u"file"_s},
        // ---- money in and out (issue 18) ----
        {u"payout-hold-days"_s, u"days before earnings can be paid out"_s, u"days"_s, u"7"_s},
        {u"topup-expiry-hours"_s, u"hours a pending top-up order waits for its payment"_s,
         u"hours"_s, u"24"_s},
        {u"webhook-tolerance-s"_s,
         u"seconds a payment webhook's timestamp may be from the market's clock"_s, u"seconds"_s,
         u"300"_s},
        {u"payment-webhook-secret-file"_s,
         u"file with the shared secret of POST /api/v1/payments/webhook"_s, u"file"_s},
        {u"state"_s, u"topups and payouts: only this state"_s, u"state"_s},
        {u"csv"_s, u"payouts: print CSV"_s},
        {u"reason"_s, u"reject-payout: why"_s, u"text"_s},
        {u"reference"_s, u"mark-paid: the transfer's reference"_s, u"ref"_s},
        // ---- end money ----
        {u"config"_s,
         u"read options from FILE (key = value lines, keys are the long option names)"_s,
         u"file"_s},
    };
    parser.addOptions(options);
    parser.addPositionalArgument(u"command"_s, u"serve, admin, relay-config or relay-authorize"_s);
    // --config FILE: the file's options go before the command line's, so these win
    // (docs/market.md, "Configuration file").
    QStringList arguments = app.arguments();
    if (parser.parse(arguments) && parser.isSet(u"config"_s)) {
        const QString path = parser.value(u"config"_s);
        QStringList keys;
        QSet<QString> setOnCommandLine;
        for (const QString &name : parser.optionNames())
            setOnCommandLine.insert(name);
        for (const QCommandLineOption &option : options) {
            // Every option here takes a value but --csv, a flag of one admin command.
            if (option.names().first() != "config"_L1 && option.names().first() != "csv"_L1)
                keys << option.names().first();
        }
        auto config = MarketConfig::read(path, keys, {u"relay"_s, u"trusted-proxy"_s});
        if (!config) {
            std::fprintf(stderr, "suanli-market: %s\n", qPrintable(config.error().message));
            // relay-authorize is sshd's AuthorizedKeysCommand: it always exits 0.
            return parser.positionalArguments().value(0) == "relay-authorize"_L1 ? 0 : 2;
        }
        arguments = config->merged(arguments, setOnCommandLine);
    }
    parser.process(arguments);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return fail(
            u"give a command: serve, admin, relay-config or relay-authorize (see --help)"_s);
    if (!parser.isSet(u"db"_s)) {
        if (args[0] == "relay-authorize"_L1) {
            std::fprintf(stderr, "suanli-market: --db is required\n");
            return 0; // sshd's AuthorizedKeysCommand: exit 0, nothing printed
        }
        return fail(u"--db is required"_s);
    }
    if (args[0] == "relay-authorize"_L1)
        return relayAuthorize(args.mid(1), parser);
    if (args[0] == "relay-config"_L1)
        return relayConfig(parser);

    MarketPolicy policy;
    policy.currency = parser.value(u"currency"_s).toUpper();
    auto fee = parseFeePpm(parser.value(u"platform-fee"_s));
    if (!fee)
        return fail(u"--platform-fee takes a fraction from 0 to 1, e.g. 0.10"_s);
    policy.platformFeePpm = *fee;
    bool ok = false;
    policy.retentionDays = parser.value(u"retention-days"_s).toLongLong(&ok);
    if (!ok || policy.retentionDays < 0)
        return fail(u"--retention-days takes a whole number of days"_s);
    policy.hostLostAfterS = parser.value(u"host-lost-after"_s).toLongLong(&ok);
    if (!ok || policy.hostLostAfterS < 1)
        return fail(u"--host-lost-after takes a positive number of seconds"_s);
    policy.interruptedReleaseAfterS = parser.value(u"interrupted-release-after"_s).toLongLong(&ok);
    if (!ok || policy.interruptedReleaseAfterS < 0)
        return fail(u"--interrupted-release-after takes a whole number of seconds"_s);
    {
        const QStringList range = parser.value(u"relay-ports"_s).split(u'-');
        bool minOk = false;
        bool maxOk = false;
        policy.relayPortMin = range.value(0).toInt(&minOk);
        policy.relayPortMax = range.value(1).toInt(&maxOk);
        if (range.size() != 2 || !minOk || !maxOk || policy.relayPortMin < 1 ||
            policy.relayPortMax > 65535 || policy.relayPortMin > policy.relayPortMax)
            return fail(u"--relay-ports takes MIN-MAX within 1-65535, e.g. 20000-29999"_s);
    }
    policy.signup = parser.value(u"signup"_s);
    if (policy.signup != "open"_L1 && policy.signup != "invite"_L1 && policy.signup != "closed"_L1)
        return fail(u"--signup takes open, invite or closed"_s);
    for (const QString &proxy : parser.values(u"trusted-proxy"_s)) {
        if (QHostAddress(proxy).isNull())
            return fail(u"--trusted-proxy takes a numeric address, got '%1'"_s.arg(proxy));
        policy.trustedProxies.append(proxy);
    }
    // ---- money in and out (issue 18) ----
    policy.payoutHoldDays = parser.value(u"payout-hold-days"_s).toLongLong(&ok);
    if (!ok || policy.payoutHoldDays < 0 || policy.payoutHoldDays > 3650)
        return fail(u"--payout-hold-days takes a whole number of days from 0 to 3650"_s);
    const qint64 expiryHours = parser.value(u"topup-expiry-hours"_s).toLongLong(&ok);
    if (!ok || expiryHours < 1 || expiryHours > 24 * 90)
        return fail(u"--topup-expiry-hours takes a whole number of hours from 1 to 2160"_s);
    policy.topUpExpiryS = expiryHours * 3600;
    policy.webhookToleranceS = parser.value(u"webhook-tolerance-s"_s).toLongLong(&ok);
    if (!ok || policy.webhookToleranceS < 1 || policy.webhookToleranceS > 3600)
        return fail(u"--webhook-tolerance-s takes a whole number of seconds from 1 to 3600"_s);
    if (parser.isSet(u"payment-webhook-secret-file"_s)) {
        QFile file(parser.value(u"payment-webhook-secret-file"_s));
        if (!file.open(QIODevice::ReadOnly))
            return fail(u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString()));
        // One line; the newline an editor or `echo` adds is not part of the secret.
        policy.paymentWebhookSecret = file.read(4096).trimmed();
        if (policy.paymentWebhookSecret.size() < 16)
            return fail(u"%1 must hold a secret of at least 16 characters"_s.arg(file.fileName()));
    }
    // ---- end money ----
    if (parser.isSet(u"registry"_s)) {
        const QUrl url(parser.value(u"registry"_s));
        if (!url.isValid() || url.scheme() != "https"_L1 || url.host().isEmpty() ||
            (!url.path().isEmpty() && url.path() != "/"_L1))
            return fail(u"--registry takes https://HOST[:PORT], got '%1'"_s.arg(
                parser.value(u"registry"_s)));
        policy.registry = url.toString(QUrl::StripTrailingSlash);
    }
    if (parser.isSet(u"registry-credentials"_s)) {
        if (policy.registry.isEmpty())
            return fail(u"--registry-credentials needs --registry"_s);
        QFile file(parser.value(u"registry-credentials"_s));
        if (!file.open(QIODevice::ReadOnly))
            return fail(u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString()));
        const QString line = QString::fromUtf8(file.read(4096)).trimmed();
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0 || colon == line.size() - 1 || line.contains(u'\n'))
            return fail(u"%1 must hold one line user:password"_s.arg(file.fileName()));
        policy.registryUsername = line.left(colon);
        policy.registryPassword = line.mid(colon + 1);
    }
    if (args[0] == "serve"_L1) {
        for (const QString &spec : parser.values(u"relay"_s)) {
            auto relay = parseRelaySpec(spec);
            if (!relay)
                return fail(relay.error().message);
            if (policy.relays.contains(*relay))
                continue;
            policy.relays.append(*relay);
        }
    }

    if (args[0] == "serve"_L1)
        return serve(app, parser, policy);
    if (args[0] == "admin"_L1)
        return admin(args.mid(1), parser, policy);
    return fail(u"unknown command '%1'"_s.arg(args[0]));
}
