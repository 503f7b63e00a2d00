#include "protocol/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace suanli;
using namespace suanli::protocol;
using namespace Qt::Literals::StringLiterals;

namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

QByteArray wire(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject object(const char *json)
{
    const Result<QJsonObject> parsed = parseJsonObject(QByteArray(json));
    if (!parsed)
        qFatal("bad test JSON: %s", json);
    return *parsed;
}

/// Encodes, writes to bytes, parses and decodes again: the value must survive the wire.
template <typename T, typename Decode> T throughWire(const T &value, Decode decode)
{
    const Result<QJsonObject> parsed = parseJsonObject(wire(toJson(value)));
    if (!parsed)
        qFatal("re-parse failed: %s", qPrintable(parsed.error().message));
    const auto decoded = decode(*parsed);
    if (!decoded)
        qFatal("decode failed: %s", qPrintable(decoded.error().message));
    return *decoded;
}

Offer sampleOffer()
{
    Offer o;
    o.id = 7;
    o.host_id = 3;
    o.host_name = u"lab-北京-01"_s;
    o.gpu_model = u"RTX 4090"_s;
    o.gpu_memory_mb = 24564;
    o.gpus_total = 2;
    o.gpus_free = 1;
    o.cpu_cores = 32;
    o.ram_mb = 128 * 1024;
    o.disk_free_gb = 1800;
    o.price_gpu_hour_micro = 1'320'000;
    o.price_storage_gb_month_micro = 300'000;
    o.inet_down_mbps = 1000;
    o.inet_up_mbps = 200;
    o.reliability = 0.987;
    o.region = u"北京"_s;
    o.verified = true;
    o.interruptible = true;
    o.min_duration_s = 3600;
    o.cuda_version = u"12.4"_s;
    o.driver_version = u"550.54.14"_s;
    o.perf_tflops = 330.3;
    o.net_down_mbps = 940;
    o.net_up_mbps = 180;
    o.disk_write_mbps = 2100;
    o.measured_at = QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC);
    return o;
}

Instance sampleInstance()
{
    Instance i;
    i.id = 42;
    i.label = u"thesis run"_s;
    i.state = InstanceState::Running;
    i.host_id = 3;
    i.offer_id = 7;
    i.gpu_model = u"RTX 4090"_s;
    i.gpu_count = 1;
    i.price_gpu_hour_micro = 1'320'000;
    i.price_storage_gb_month_micro = 300'000;
    i.image = u"docker.io/pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime"_s;
    i.disk_gb = 50;
    i.created_at = utc("2026-11-22T10:00:00.123Z");
    i.running_since = utc("2026-11-22T10:01:02.000Z");
    i.spend_micro = 9'007'199'254'740'993; // 2^53 + 1: exact through Qt 6's JSON
    i.ssh = SshEndpoint{
        u"203.0.113.7"_s, 40022, u"root"_s, u"ssh-ed25519 AAAAC3Nz test"_s,
        SshJump{u"relay.example.net"_s, 2222, u"suanli"_s, u"ssh-ed25519 AAAAC3Nz relay"_s}};
    i.jupyter = JupyterEndpoint{40023, u"tok"_s};
    i.max_spend_micro = 100'000'000;
    i.max_duration_s = 86400;
    return i;
}

MachineSpec sampleSpec()
{
    MachineSpec s;
    s.cpu_cores = 16;
    s.ram_mb = 65536;
    s.disk_free_gb = 900;
    s.gpus = {GpuInfo{0, u"GPU-aaaa"_s, u"RTX 3090"_s, 24576},
              GpuInfo{1, u"GPU-bbbb"_s, u"RTX 3090"_s, 24576}};
    s.cuda_version = u"12.2"_s;
    s.driver_version = u"535.104.05"_s;
    s.inet_down_mbps = 500;
    s.inet_up_mbps = 50;
    s.region = u"上海"_s;
    return s;
}

TelemetrySample sampleTelemetry()
{
    TelemetrySample t;
    t.instance_id = 42;
    t.at = utc("2026-11-22T10:05:00.000Z");
    t.gpus = {GpuSample{0, 97.5, 20000, 71.0, 350.25}};
    t.cpu_pct = 12.5;
    t.memory_used_mb = 8000;
    t.ssh_sessions = 2;
    return t;
}

} // namespace

class TestJson : public QObject
{
    Q_OBJECT
private slots:
    void stateNamesRoundTrip()
    {
        const QStringList names{u"pending"_s, u"provisioning"_s, u"running"_s,    u"stopping"_s,
                                u"stopped"_s, u"starting"_s,     u"destroying"_s, u"destroyed"_s,
                                u"failed"_s,  u"interrupted"_s};
        for (const QString &name : names) {
            const auto state = instanceStateFromString(name);
            QVERIFY2(state.has_value(), qPrintable(name));
            QCOMPARE(toString(*state), name);
        }
        QVERIFY(!instanceStateFromString(u"Running"_s));
        QVERIFY(!instanceStateFromString(QString()));
        for (const char *name : {"create", "start", "stop", "destroy"}) {
            const auto action = commandActionFromString(QString::fromLatin1(name));
            QVERIFY(action.has_value());
            QCOMPARE(toString(*action), QString::fromLatin1(name));
        }
        QVERIFY(!commandActionFromString(u"reboot"_s));
    }

    void transitions()
    {
        using S = InstanceState;
        // The happy path of the REST contract (server/openapi.yaml).
        QVERIFY(isAllowedTransition(S::Pending, S::Provisioning));
        QVERIFY(isAllowedTransition(S::Provisioning, S::Running));
        QVERIFY(isAllowedTransition(S::Running, S::Stopping));
        QVERIFY(isAllowedTransition(S::Stopping, S::Stopped));
        QVERIFY(isAllowedTransition(S::Stopped, S::Starting));
        QVERIFY(isAllowedTransition(S::Starting, S::Running));
        QVERIFY(isAllowedTransition(S::Destroying, S::Destroyed));
        // Interruption and what follows it.
        for (S from : {S::Running, S::Starting, S::Provisioning, S::Stopping})
            QVERIFY(isAllowedTransition(from, S::Interrupted));
        QVERIFY(!isAllowedTransition(S::Stopped, S::Interrupted));
        QVERIFY(!isAllowedTransition(S::Pending, S::Interrupted));
        QVERIFY(isAllowedTransition(S::Interrupted, S::Starting));
        QVERIFY(isAllowedTransition(S::Interrupted, S::Stopped));
        QVERIFY(isAllowedTransition(S::Interrupted, S::Running));
        // Destroy from anything but destroyed; fail from anything not terminal.
        for (int i = 0; i <= int(S::Interrupted); ++i) {
            const S from = S(i);
            QCOMPARE(isAllowedTransition(from, S::Destroying),
                     from != S::Destroyed && from != S::Destroying);
            QCOMPARE(isAllowedTransition(from, S::Failed),
                     from != S::Destroyed && from != S::Failed);
            QVERIFY(!isAllowedTransition(from, from));
            QVERIFY(!isAllowedTransition(S::Destroyed, from));
        }
        QVERIFY(!isAllowedTransition(S::Failed, S::Running));
        QVERIFY(!isAllowedTransition(S::Stopped, S::Running));
        QVERIFY(!isAllowedTransition(S::Pending, S::Running));
        QVERIFY(!isAllowedTransition(S::Running, S::Stopped));
        QVERIFY(isBilledRunning(S::Running));
        QVERIFY(!isBilledRunning(S::Stopped));
        QVERIFY(!isBilledRunning(S::Starting));
    }

    void offerFieldNamesAreTheMemberNames()
    {
        QStringList keys = toJson(sampleOffer()).keys();
        QStringList expected{u"id"_s,
                             u"host_id"_s,
                             u"host_name"_s,
                             u"gpu_model"_s,
                             u"gpu_memory_mb"_s,
                             u"gpus_total"_s,
                             u"gpus_free"_s,
                             u"cpu_cores"_s,
                             u"ram_mb"_s,
                             u"disk_free_gb"_s,
                             u"price_gpu_hour_micro"_s,
                             u"price_storage_gb_month_micro"_s,
                             u"inet_down_mbps"_s,
                             u"inet_up_mbps"_s,
                             u"reliability"_s,
                             u"region"_s,
                             u"verified"_s,
                             u"interruptible"_s,
                             u"min_duration_s"_s,
                             u"cuda_version"_s,
                             u"driver_version"_s,
                             u"perf_tflops"_s,
                             u"price_gpu_day_micro"_s,
                             u"price_gpu_week_micro"_s,
                             u"price_gpu_month_micro"_s,
                             u"price_nogpu_hour_micro"_s,
                             u"cpu_cores_per_gpu"_s,
                             u"ram_mb_per_gpu"_s,
                             u"net_down_mbps"_s,
                             u"net_up_mbps"_s,
                             u"disk_write_mbps"_s,
                             u"measured_at"_s};
        keys.sort();
        expected.sort();
        QCOMPARE(keys, expected);
    }

    void offerRoundTrip()
    {
        const Offer offer = sampleOffer();
        QCOMPARE(throughWire(offer, offerFromJson), offer);
        Offer unknown = offer;
        unknown.perf_tflops.reset();
        QVERIFY(toJson(unknown).value(u"perf_tflops"_s).isNull());
        QCOMPARE(throughWire(unknown, offerFromJson), unknown);
        // Not measured: null on the wire, never 0, and back as unknown.
        Offer unmeasured = offer;
        unmeasured.net_down_mbps.reset();
        unmeasured.net_up_mbps.reset();
        unmeasured.disk_write_mbps.reset();
        unmeasured.measured_at = QDateTime();
        const QJsonObject json = toJson(unmeasured);
        for (const char *key : {"net_down_mbps", "net_up_mbps", "disk_write_mbps", "measured_at"})
            QVERIFY2(json.contains(QLatin1StringView(key)) &&
                         json.value(QLatin1StringView(key)).isNull(),
                     key);
        QCOMPARE(throughWire(unmeasured, offerFromJson), unmeasured);
    }

    void instanceRoundTrip()
    {
        const Instance instance = sampleInstance();
        QCOMPARE(throughWire(instance, instanceFromJson), instance);
        const QJsonObject json = toJson(instance);
        QCOMPARE(json.value(u"created_at"_s).toString(), u"2026-11-22T10:00:00.123Z"_s);
        QVERIFY(json.value(u"stopped_at"_s).isNull());
        QCOMPARE(json.value(u"spend_micro"_s).toInteger(), 9'007'199'254'740'993);
        QCOMPARE(json.value(u"ssh"_s).toObject().value(u"port"_s).toInt(), 40022);

        Instance bare = instance;
        bare.ssh.reset();
        bare.jupyter.reset();
        bare.running_since = QDateTime();
        bare.state = InstanceState::Interrupted;
        bare.state_reason = u"host_lost"_s;
        const QJsonObject bareJson = toJson(bare);
        QVERIFY(bareJson.value(u"ssh"_s).isNull());
        QVERIFY(bareJson.value(u"jupyter"_s).isNull());
        QVERIFY(bareJson.value(u"running_since"_s).isNull());
        QCOMPARE(bareJson.value(u"state"_s).toString(), u"interrupted"_s);
        QCOMPARE(throughWire(bare, instanceFromJson), bare);
    }

    void otherTypesRoundTrip()
    {
        CreateInstanceRequest request;
        request.offer_id = 7;
        request.gpu_count = 2;
        request.image = u"ubuntu:24.04"_s;
        request.disk_gb = 40;
        request.ssh_public_key = u"ssh-ed25519 AAAA me@laptop"_s;
        request.label = u"训练"_s;
        request.env = {{u"HF_HOME"_s, u"/workspace/hf"_s}, {u"A"_s, QString()}};
        request.onstart = u"pip install -r requirements.txt"_s;
        request.jupyter = true;
        request.max_spend_micro = 50'000'000;
        request.max_duration_s = 7200;
        QCOMPARE(throughWire(request, createInstanceRequestFromJson), request);

        const Account account{5, u"alice"_s, {u"renter"_s, u"lender"_s}, -1'500, u"CNY"_s};
        QCOMPARE(throughWire(account, accountFromJson), account);

        const HostListing listing{true,       1'000'000, 250'000,     true,   1800,
                                  20'000'000, {},        400'000'000, 100'000};
        QCOMPARE(throughWire(listing, [](const QJsonObject &j) { return hostListingFromJson(j); }),
                 listing);

        QCOMPARE(throughWire(sampleSpec(), machineSpecFromJson), sampleSpec());

        Host host;
        host.id = 3;
        host.owner_id = 5;
        host.name = u"gaming-pc"_s;
        host.online = true;
        host.last_seen = utc("2026-11-22T09:59:59.999Z");
        host.listing = listing;
        host.spec = sampleSpec();
        host.reliability = 0.5;
        host.verified = true;
        QCOMPARE(throughWire(host, hostFromJson), host);
        host.spec.reset();
        host.last_seen = QDateTime();
        QVERIFY(toJson(host).value(u"spec"_s).isNull());
        QCOMPARE(throughWire(host, hostFromJson), host);

        const LedgerEntry entry{
            11,      5,  utc("2026-11-22T10:00:00.000Z"), u"gpu"_s,         -366,
            999'634, 42, u"lease:42:accrual:1"_s,         u"RTX 4090 × 1"_s};
        QCOMPARE(throughWire(entry, ledgerEntryFromJson), entry);

        const Image image{u"docker.io/library/ubuntu:24.04"_s, u"Ubuntu 24.04"_s, false};
        QCOMPARE(throughWire(image, imageFromJson), image);

        QCOMPARE(throughWire(sampleTelemetry(), telemetrySampleFromJson), sampleTelemetry());
    }

    void agentMessagesRoundTrip_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("type");
        QTest::newRow("hello") << 0 << u"hello"_s;
        QTest::newRow("ack") << 1 << u"ack"_s;
        QTest::newRow("instance_state") << 2 << u"instance_state"_s;
        QTest::newRow("instance_state bare") << 3 << u"instance_state"_s;
        QTest::newRow("telemetry") << 4 << u"telemetry"_s;
        QTest::newRow("usage") << 5 << u"usage"_s;
        QTest::newRow("log") << 6 << u"log"_s;
        QTest::newRow("availability") << 7 << u"availability"_s;
        QTest::newRow("notice") << 8 << u"notice"_s;
        QTest::newRow("image_state") << 9 << u"image_state"_s;
        QTest::newRow("measurement") << 10 << u"measurement"_s;
        QTest::newRow("measurement, a test failed") << 11 << u"measurement"_s;
    }

    void agentMessagesRoundTrip()
    {
        QFETCH(int, which);
        QFETCH(QString, type);
        const QList<AgentMessage> messages{
            HelloMessage{u"0.1.0"_s,
                         sampleSpec(),
                         u"203.0.113.7"_s,
                         40000,
                         40999,
                         {Image{u"ubuntu:24.04"_s, u"Ubuntu"_s, false}},
                         {AgentInstanceStatus{42, InstanceState::Running, 17}},
                         u"auto"_s,
                         u"ssh-ed25519 AAAAC3Nz agent"_s,
                         40999},
            AckMessage{u"cmd-1"_s},
            InstanceStateMessage{
                42, 18, InstanceState::Running, QString(), u"cmd-1"_s,
                SshEndpoint{u"203.0.113.7"_s, 40022, u"root"_s, u"ssh-ed25519 A"_s, std::nullopt},
                JupyterEndpoint{40023, u"t"_s}, 1'795'000'000'123},
            InstanceStateMessage{42, 19, InstanceState::Failed, u"image_pull_failed"_s, QString(),
                                 std::nullopt, std::nullopt, std::nullopt},
            TelemetryMessage{{sampleTelemetry(), sampleTelemetry()}},
            UsageMessage{99, {42, 43}},
            LogMessage{42, {u"line one"_s, u"第二行"_s}},
            AvailabilityMessage{false, u"owner_active"_s},
            NoticeMessage{42, QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC),
                          u"host_owner_returned"_s},
            ImageStateMessage{7, u"ready"_s, u"localhost/suanli-images/img-7:latest"_s,
                              1'204'375'552, true, QString(), u"cmd-9"_s},
            MeasurementMessage{940, 310, 2100},
            MeasurementMessage{940, std::nullopt, 2100},
        };
        const AgentMessage &message = messages.at(which);
        const QJsonObject json = toJson(message);
        QCOMPARE(json.value(u"type"_s).toString(), type);
        const Result<QJsonObject> parsed = parseJsonObject(wire(json));
        QVERIFY(parsed.ok());
        const Result<AgentMessage> decoded = agentMessageFromJson(*parsed);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
        QVERIFY(*decoded == message);
        // An agent message is not a market message.
        QCOMPARE(marketMessageFromJson(json).error().code, u"unknown_type"_s);
    }

    void marketMessagesAndEventsRoundTrip()
    {
        InstanceSpec spec{
            u"ubuntu:24.04"_s, 1,    40,         u"ssh-ed25519 AAAA"_s, {{u"K"_s, u"V"_s}},
            u"echo hi"_s,      true, u"run-1"_s, std::nullopt,          std::nullopt};
        const QList<MarketMessage> market{
            WelcomeMessage{3, u"0.1.0"_s, u"relay"_s},
            RelayMessage{u"relay.example.net"_s,
                         2222,
                         u"suanli-host"_s,
                         u"ssh-ed25519 AAAAC3Nz relay"_s,
                         {RelayListen{42, 40001}, RelayListen{43, 40002}}},
            CommandMessage{
                u"cmd-1"_s, CommandAction::Create, 42, spec, QString(), std::nullopt, {}, {}, 0},
            CommandMessage{u"cmd-2"_s,
                           CommandAction::Stop,
                           42,
                           std::nullopt,
                           u"balance_exhausted"_s,
                           std::nullopt,
                           {},
                           {},
                           0},
            CommandMessage{
                u"cmd-3"_s,
                CommandAction::SaveImage,
                42,
                std::nullopt,
                QString(),
                ImageCommand{7, u"127.0.0.1:5000/suanli-images/img-7:latest"_s,
                             RegistryAccess{u"https://127.0.0.1:5000"_s, u"u"_s, u"p"_s}},
                {},
                {},
                0},
            CommandMessage{u"cmd-4"_s,
                           CommandAction::DeleteImage,
                           0,
                           std::nullopt,
                           QString(),
                           ImageCommand{7, u"localhost/suanli-images/img-7:latest"_s, std::nullopt},
                           {},
                           {},
                           0},
        };
        for (const MarketMessage &message : market) {
            const Result<MarketMessage> decoded =
                marketMessageFromJson(*parseJsonObject(wire(toJson(message))));
            QVERIFY(decoded.ok());
            QVERIFY(*decoded == message);
        }
        QCOMPARE(toJson(market.at(0)).value(u"type"_s).toString(), u"welcome"_s);
        QCOMPARE(toJson(market.at(1)).value(u"type"_s).toString(), u"relay"_s);
        QCOMPARE(toJson(market.at(1)).value(u"listen"_s).toArray().size(), 2);
        QCOMPARE(toJson(market.at(2)).value(u"action"_s).toString(), u"create"_s);
        QVERIFY(toJson(market.at(3)).value(u"spec"_s).isNull());
        // Only the image commands carry `image`; a plain command's JSON is as it was.
        QVERIFY(!toJson(market.at(3)).contains(u"image"_s));
        QCOMPARE(toJson(market.at(4)).value(u"action"_s).toString(), u"save_image"_s);
        QCOMPARE(toJson(market.at(4))[u"image"_s][u"registry"_s][u"url"_s].toString(),
                 u"https://127.0.0.1:5000"_s);
        QCOMPARE(toJson(market.at(5)).value(u"action"_s).toString(), u"delete_image"_s);
        QVERIFY(toJson(market.at(5))[u"image"_s][u"registry"_s].isNull());

        const QList<AppEvent> events{
            InstanceEvent{sampleInstance()}, TelemetryEvent{sampleTelemetry()},
            BalanceEvent{12'340'000, u"CNY"_s, std::nullopt},
            BalanceEvent{1'000'000, u"CNY"_s, BalanceWarning{u"runway_1h"_s, 2'640'000, 1363}},
            InstanceNoticeEvent{42, QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC),
                                u"host_owner_returned"_s}};
        const QStringList types{u"instance"_s, u"telemetry"_s, u"balance"_s, u"balance"_s,
                                u"instance_notice"_s};
        for (qsizetype i = 0; i < events.size(); ++i) {
            const QJsonObject json = toJson(events.at(i));
            QCOMPARE(json.value(u"type"_s).toString(), types.at(i));
            const Result<AppEvent> decoded = appEventFromJson(*parseJsonObject(wire(json)));
            QVERIFY(decoded.ok());
            QVERIFY(*decoded == events.at(i));
        }
        QCOMPARE(toJson(events.at(0)).value(u"instance"_s).toObject().value(u"id"_s).toInt(), 42);
        QCOMPARE(toJson(events.at(2)).value(u"balance_micro"_s).toInteger(), 12'340'000);
    }

    void designWireExample()
    {
        // The shape docs/protocol.md shows for the events socket, as another client would write it.
        const Result<AppEvent> event = appEventFromJson(object(
            R"({"type":"instance","instance":{"id":9,"state":"stopped","ssh":null,
                "jupyter":null,"stopped_at":"2026-11-22T18:00:00+08:00","future":1}})"));
        QVERIFY(event.ok());
        const Instance &i = std::get<InstanceEvent>(*event).instance;
        QCOMPARE(i.id, 9);
        QVERIFY(i.state == InstanceState::Stopped);
        QCOMPARE(i.stopped_at, utc("2026-11-22T10:00:00.000Z"));
        QCOMPARE(formatTime(i.stopped_at), u"2026-11-22T10:00:00.000Z"_s);
    }

    void times()
    {
        QCOMPARE(formatTime(QDateTime()), QString());
        QCOMPARE(formatTime(QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, QTimeZone::utc())),
                 u"2023-11-14T22:13:20.123Z"_s);
        // An offset is converted; no offset means UTC, never the machine's local time.
        auto at = [](const char *text) {
            return ledgerEntryFromJson(
                object(QByteArray(R"({"at":")").append(text).append(R"("})").constData()));
        };
        QCOMPARE(at("2026-11-22T10:00:00Z")->at, utc("2026-11-22T10:00:00Z"));
        QCOMPARE(at("2026-11-22T12:00:00+02:00")->at, utc("2026-11-22T10:00:00Z"));
        QCOMPARE(at("2026-11-22T10:00:00")->at, utc("2026-11-22T10:00:00Z"));
        QCOMPARE(at("2026-11-22T10:00:00")->at.timeSpec(), Qt::UTC);
        for (const char *bad :
             {"yesterday", "", "2026-13-01T00:00:00Z", "9999-12-31T23:00:00-05:00"}) {
            const auto entry = at(bad);
            QVERIFY2(!entry.ok(), bad);
            QCOMPARE(entry.error().code, u"invalid_type"_s);
            QCOMPARE(entry.error().field, u"at"_s);
        }
        QVERIFY(!ledgerEntryFromJson(object(R"({"at":null})"))->at.isValid());
        QCOMPARE(ledgerEntryFromJson(object(R"({"at":5})")).error().code, u"invalid_type"_s);
    }

    void malformedJson()
    {
        const Result<QJsonObject> truncated = parseJsonObject("{\"a\":1");
        QVERIFY(!truncated.ok());
        QCOMPARE(truncated.error().code, u"malformed_json"_s);
        QVERIFY(truncated.error().message.contains(u"offset 6"_s));
        QCOMPARE(truncated.error().position, 6);
        QCOMPARE(parseJsonObject("").error().code, u"malformed_json"_s);
        QCOMPARE(parseJsonObject("\xff\xfe").error().code, u"malformed_json"_s);

        for (const char *notObject : {"[1,2]", "\"text\"", "3", "null"}) {
            const Result<QJsonObject> parsed = parseJsonObject(notObject);
            QVERIFY2(!parsed.ok(), notObject);
            QCOMPARE(parsed.error().code, u"invalid_type"_s);
            QCOMPARE(parsed.error().message, u"expected a JSON object"_s);
        }
    }

    void instanceStateAtIsOptional()
    {
        // An agent that predates `at` sends none; the market must read that as "no time"
        // (not 0), and a report without a time is written without the field.
        const QByteArray old =
            R"({"type":"instance_state","instance_id":7,"seq":3,"state":"stopped"})";
        auto decoded = agentMessageFromJson(*parseJsonObject(old));
        QVERIFY(decoded.ok());
        const auto *state = std::get_if<InstanceStateMessage>(&*decoded);
        QVERIFY(state);
        QVERIFY(!state->at.has_value());
        QVERIFY(!toJson(AgentMessage{*state}).contains(u"at"_s));
        auto null = agentMessageFromJson(*parseJsonObject(
            R"({"type":"instance_state","instance_id":7,"seq":3,"state":"stopped","at":null})"));
        QVERIFY(null.ok());
        QVERIFY(!std::get<InstanceStateMessage>(*null).at.has_value());
        auto timed = agentMessageFromJson(*parseJsonObject(
            R"({"type":"instance_state","instance_id":7,"seq":3,"state":"stopped","at":1795000000123})"));
        QVERIFY(timed.ok());
        QCOMPARE(std::get<InstanceStateMessage>(*timed).at,
                 std::optional<qint64>(1'795'000'000'123));
        QCOMPARE(
            toJson(AgentMessage{std::get<InstanceStateMessage>(*timed)}).value(u"at"_s).toInteger(),
            1'795'000'000'123);
    }

    void wrongTypeNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("decoder");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("string for int")
            << QByteArray(R"({"id":"7"})") << u"offer"_s << u"id"_s << u"an integer"_s;
        QTest::newRow("fraction for int") << QByteArray(R"({"gpus_free":1.5})") << u"offer"_s
                                          << u"gpus_free"_s << u"an integer"_s;
        QTest::newRow("beyond qint64")
            << QByteArray(R"({"price_gpu_hour_micro":1e19})") << u"offer"_s
            << u"price_gpu_hour_micro"_s << u"an integer"_s;
        QTest::newRow("beyond int") << QByteArray(R"({"gpus_total":2147483648})") << u"offer"_s
                                    << u"gpus_total"_s << u"a 32-bit integer"_s;
        QTest::newRow("null for string")
            << QByteArray(R"({"region":null})") << u"offer"_s << u"region"_s << u"a string"_s;
        QTest::newRow("string for bool") << QByteArray(R"({"verified":"true"})") << u"offer"_s
                                         << u"verified"_s << u"a boolean"_s;
        QTest::newRow("string for real") << QByteArray(R"({"perf_tflops":"82"})") << u"offer"_s
                                         << u"perf_tflops"_s << u"a number or null"_s;
        QTest::newRow("nested") << QByteArray(R"({"ssh":{"host":"h","port":"22"}})")
                                << u"instance"_s << u"ssh.port"_s << u"an integer"_s;
        QTest::newRow("nested object") << QByteArray(R"({"jupyter":[]})") << u"instance"_s
                                       << u"jupyter"_s << u"an object or null"_s;
        QTest::newRow("bad state") << QByteArray(R"({"state":"exploded"})") << u"instance"_s
                                   << u"state"_s << u"an instance state"_s;
        QTest::newRow("list element")
            << QByteArray(R"({"type":"hello","spec":{"gpus":[{"uuid":"a"},{"uuid":"b"},
                          {"uuid":3}]}})")
            << u"agent"_s << u"spec.gpus[2].uuid"_s << u"a string"_s;
        QTest::newRow("string list") << QByteArray(R"({"roles":["renter",1]})") << u"account"_s
                                     << u"roles[1]"_s << u"a string"_s;
        QTest::newRow("env value") << QByteArray(R"({"offer_id":1,"gpu_count":1,"image":"i",
                                      "disk_gb":1,"ssh_public_key":"k","env":{"FOO":2}})")
                                   << u"create"_s << u"env.FOO"_s << u"a string"_s;
        QTest::newRow("event path") << QByteArray(R"({"type":"instance","instance":{"ssh":
                                       {"port":true}}})")
                                    << u"event"_s << u"instance.ssh.port"_s << u"an integer"_s;
        QTest::newRow("command action") << QByteArray(R"({"type":"command","id":"c",
                                           "action":"reboot","instance_id":1})")
                                        << u"market"_s << u"action"_s << u"a command action"_s;
        QTest::newRow("type not string")
            << QByteArray(R"({"type":7})") << u"agent"_s << u"type"_s << u"a string"_s;
        QTest::newRow("id list") << QByteArray(R"({"type":"usage","seq":1,
                                    "running_instance_ids":[1,2.5]})")
                                 << u"agent"_s << u"running_instance_ids[1]"_s << u"an integer"_s;
    }

    void wrongTypeNamesTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, decoder);
        QFETCH(QString, field);
        QFETCH(QString, expected);
        const QJsonObject input = object(json.constData());
        Error error;
        if (decoder == "offer"_L1)
            error = offerFromJson(input).error();
        else if (decoder == "instance"_L1)
            error = instanceFromJson(input).error();
        else if (decoder == "account"_L1)
            error = accountFromJson(input).error();
        else if (decoder == "create"_L1)
            error = createInstanceRequestFromJson(input).error();
        else if (decoder == "agent"_L1)
            error = agentMessageFromJson(input).error();
        else if (decoder == "market"_L1)
            error = marketMessageFromJson(input).error();
        else
            error = appEventFromJson(input).error();
        QCOMPARE(error.code, u"invalid_type"_s);
        QCOMPARE(error.field, field);
        QVERIFY2(error.message.contains(u"'%1'"_s.arg(field)), qPrintable(error.message));
        QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    }

    void integersAreExact()
    {
        const Result<Offer> big =
            offerFromJson(object(R"({"id":9223372036854775807,"host_id":-9223372036854775808,
                                     "price_gpu_hour_micro":1.0,"ram_mb":2e3})"));
        QVERIFY(big.ok());
        QCOMPARE(big->id, std::numeric_limits<qint64>::max());
        QCOMPARE(big->host_id, std::numeric_limits<qint64>::min());
        QCOMPARE(big->price_gpu_hour_micro, 1);
        QCOMPARE(big->ram_mb, 2000);
    }

    void missingRequiredField_data()
    {
        QTest::addColumn<QString>("field");
        for (const char *field : {"offer_id", "gpu_count", "image", "disk_gb", "ssh_public_key"})
            QTest::newRow(field) << QString::fromLatin1(field);
    }

    void missingRequiredField()
    {
        QFETCH(QString, field);
        QJsonObject json = object(R"({"offer_id":1,"gpu_count":1,"image":"ubuntu",
                                      "disk_gb":20,"ssh_public_key":"ssh-ed25519 A"})");
        QVERIFY(createInstanceRequestFromJson(json).ok());
        json.remove(field);
        const Result<CreateInstanceRequest> request = createInstanceRequestFromJson(json);
        QVERIFY(!request.ok());
        QCOMPARE(request.error().code, u"missing_field"_s);
        QCOMPARE(request.error().field, field);
        QVERIFY(request.error().message.contains(field));
    }

    void optionalFieldsDefault()
    {
        const Result<CreateInstanceRequest> request = createInstanceRequestFromJson(object(
            R"({"offer_id":1,"gpu_count":1,"image":"ubuntu","disk_gb":20,
                "ssh_public_key":"k"})"));
        QVERIFY(request.ok());
        QVERIFY(request->label.isEmpty());
        QVERIFY(request->env.isEmpty());
        QVERIFY(!request->jupyter);
        QCOMPARE(request->max_spend_micro, 0);

        // Response-side types are lenient about missing fields, strict about types.
        QCOMPARE(*offerFromJson({}), Offer{});
        QCOMPARE(*instanceFromJson({}), Instance{});
        const Result<Host> host = hostFromJson({});
        QVERIFY(host.ok());
        QCOMPARE(host->reliability, 1.0);
        QVERIFY(!host->spec);
        QCOMPARE(*accountFromJson({}), Account{});
        QCOMPARE(*ledgerEntryFromJson({}), LedgerEntry{});
    }

    void messagesRequireTypeAndIds_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("decoder");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("no type") << QByteArray(R"({"command_id":"c"})") << u"agent"_s
                                 << u"missing_field"_s << u"type"_s;
        QTest::newRow("ack id") << QByteArray(R"({"type":"ack"})") << u"agent"_s
                                << u"missing_field"_s << u"command_id"_s;
        QTest::newRow("state seq") << QByteArray(R"({"type":"instance_state","instance_id":1,
                                      "state":"running"})")
                                   << u"agent"_s << u"missing_field"_s << u"seq"_s;
        QTest::newRow("state state") << QByteArray(R"({"type":"instance_state","instance_id":1,
                                        "seq":2})")
                                     << u"agent"_s << u"missing_field"_s << u"state"_s;
        QTest::newRow("state at") << QByteArray(R"({"type":"instance_state","instance_id":1,"seq":2,
                             "state":"stopped","at":"2026-11-22T10:00:00Z"})")
                                  << u"agent"_s << u"invalid_type"_s << u"at"_s;
        QTest::newRow("sample id")
            << QByteArray(R"({"type":"telemetry","samples":[{"cpu_pct":1}]})") << u"agent"_s
            << u"missing_field"_s << u"samples[0].instance_id"_s;
        QTest::newRow("hello instance")
            << QByteArray(R"({"type":"hello","instances":[{"state":"running"}]})") << u"agent"_s
            << u"missing_field"_s << u"instances[0].instance_id"_s;
        QTest::newRow("usage seq")
            << QByteArray(R"({"type":"usage"})") << u"agent"_s << u"missing_field"_s << u"seq"_s;
        QTest::newRow("log id") << QByteArray(R"({"type":"log","lines":[]})") << u"agent"_s
                                << u"missing_field"_s << u"instance_id"_s;
        QTest::newRow("unknown agent type") << QByteArray(R"({"type":"welcome","host_id":1})")
                                            << u"agent"_s << u"unknown_type"_s << u"type"_s;
        QTest::newRow("welcome id") << QByteArray(R"({"type":"welcome"})") << u"market"_s
                                    << u"missing_field"_s << u"host_id"_s;
        QTest::newRow("command action") << QByteArray(R"({"type":"command","id":"c",
                                           "instance_id":1})")
                                        << u"market"_s << u"missing_field"_s << u"action"_s;
        QTest::newRow("unknown market type")
            << QByteArray(R"({"type":"hello"})") << u"market"_s << u"unknown_type"_s << u"type"_s;
        QTest::newRow("event instance") << QByteArray(R"({"type":"instance"})") << u"event"_s
                                        << u"missing_field"_s << u"instance"_s;
        QTest::newRow("event balance") << QByteArray(R"({"type":"balance","currency":"CNY"})")
                                       << u"event"_s << u"missing_field"_s << u"balance_micro"_s;
        QTest::newRow("unknown event")
            << QByteArray(R"({"type":"gossip"})") << u"event"_s << u"unknown_type"_s << u"type"_s;
    }

    void messagesRequireTypeAndIds()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, decoder);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const QJsonObject input = object(json.constData());
        Error error;
        if (decoder == "agent"_L1)
            error = agentMessageFromJson(input).error();
        else if (decoder == "market"_L1)
            error = marketMessageFromJson(input).error();
        else
            error = appEventFromJson(input).error();
        QCOMPARE(error.code, code);
        QCOMPARE(error.field, field);
        QVERIFY(!error.message.isEmpty());
    }

    void unknownFieldsAreIgnored()
    {
        const Result<AgentMessage> ack =
            agentMessageFromJson(object(R"({"type":"ack","command_id":"c","v2":{"x":[1]}})"));
        QVERIFY(ack.ok());
        QCOMPARE(std::get<AckMessage>(*ack).command_id, u"c"_s);
        QJsonObject offer = toJson(sampleOffer());
        offer.insert(u"new_field"_s, QJsonArray{1, u"x"_s});
        QCOMPARE(*offerFromJson(offer), sampleOffer());
    }

    void nullables()
    {
        const Result<Offer> offer = offerFromJson(object(R"({"perf_tflops":null})"));
        QVERIFY(offer.ok());
        QVERIFY(!offer->perf_tflops);
        QCOMPARE(offerFromJson(object(R"({"perf_tflops":0})"))->perf_tflops, 0.0);
        const Result<Instance> instance = instanceFromJson(object(R"({"ssh":null})"));
        QVERIFY(instance.ok());
        QVERIFY(!instance->ssh);
        const Result<Host> host = hostFromJson(object(R"({"spec":null,"last_seen":null})"));
        QVERIFY(host.ok());
        QVERIFY(!host->spec);
    }

    void listingPatchIsPartial()
    {
        const HostListing base{false, 1'000'000, 200'000, true, 600, 20'000'000, {}, {}, {}};
        const Result<HostListing> patched =
            hostListingFromJson(object(R"({"listed":true,"price_gpu_hour_micro":900000})"), base);
        QVERIFY(patched.ok());
        QCOMPARE(*patched,
                 (HostListing{true, 900'000, 200'000, true, 600, 20'000'000, {}, {}, {}}));
        QCOMPARE(*hostListingFromJson({}, base), base);
        const Result<HostListing> bad = hostListingFromJson(object(R"({"interruptible":1})"), base);
        QCOMPARE(bad.error().field, u"interruptible"_s);
    }

    void listingPatchKeepsOrWithdrawsPlanPrices()
    {
        // Prepaid plans: a price left out is kept, null withdraws the plan, a number sets it.
        const HostListing base{true,       1'000'000,   200'000, false, 0,
                               20'000'000, 100'000'000, {},      90'000};
        const Result<HostListing> patched = hostListingFromJson(
            object(R"({"price_gpu_day_micro":null,"price_gpu_month_micro":400000000})"), base);
        QVERIFY(patched.ok());
        QCOMPARE(patched->price_gpu_day_micro, std::nullopt);
        QCOMPARE(patched->price_gpu_week_micro, std::optional<Micro>(100'000'000));
        QCOMPARE(patched->price_gpu_month_micro, std::optional<Micro>(400'000'000));
        QCOMPARE(patched->price_nogpu_hour_micro, std::optional<Micro>(90'000)); // left out: kept
        // Written as null when not offered, so that a listing reads back the same.
        QVERIFY(toJson(*patched).value(u"price_gpu_day_micro"_s).isNull());
        QCOMPARE(*hostListingFromJson(toJson(*patched)), *patched);
        const Result<HostListing> bad =
            hostListingFromJson(object(R"({"price_gpu_week_micro":"100"})"), base);
        QCOMPARE(bad.error().code, u"invalid_type"_s);
        QCOMPARE(bad.error().field, u"price_gpu_week_micro"_s);
    }

    void planFieldsRoundTrip()
    {
        CreateInstanceRequest request;
        QCOMPARE(request.plan, u"hourly"_s); // the default when left out
        auto decoded = createInstanceRequestFromJson(
            object(R"({"offer_id":1,"gpu_count":1,"image":"i","disk_gb":1,"ssh_public_key":"k",)"
                   R"("plan":"week","renew":true})"));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->plan, u"week"_s);
        QCOMPARE(decoded->renew, true);
        QCOMPARE(planPeriodS(u"day"_s), std::optional<qint64>(86'400));
        QCOMPARE(planPeriodS(u"week"_s), std::optional<qint64>(604'800));
        QCOMPARE(planPeriodS(u"month"_s), std::optional<qint64>(2'592'000));
        QCOMPARE(planPeriodS(u"hourly"_s), std::optional<qint64>(0));
        QCOMPARE(planPeriodS(u"fortnight"_s), std::nullopt);
        const PlanNoticeEvent notice{7,    u"week"_s,   QDateTime::fromMSecsSinceEpoch(0, Qt::UTC),
                                     true, 100'000'000, false};
        auto event = appEventFromJson(toJson(AppEvent{notice}));
        QVERIFY(event.ok());
        QCOMPARE(std::get<PlanNoticeEvent>(*event), notice);
        QCOMPARE(toJson(AppEvent{notice}).value(u"type"_s).toString(), u"plan_notice"_s);
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
