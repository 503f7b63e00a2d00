// The GPU side without a GPU: a test double replays recorded NVML readings through the same
// interface the agent uses (GpuProbe); the real NvmlGpuProbe is checked to report no GPU on a
// machine without the NVIDIA driver; the CDI / toolkit gate of self-test.

#include "host/gpuprobe.h"
#include "host/selftest.h"
#include "support/recordedgpuprobe.h"

#include <QDir>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::host;
using suanli::testing::RecordedGpuProbe;

namespace {

/// Two 1 Hz readings of a two-GPU machine (values in NVML's units converted as the probe does:
/// MiB, °C, W). GPU 1 has a process that is not in any Suanli container.
RecordedGpuProbe twoGpuMachine()
{
    RecordedGpuProbe p;
    p.driver = u"550.54.15"_s;
    p.cuda = u"12.4"_s;
    p.recordedDevices = {
        {0, u"GPU-8f6d2a1e-0000-4c4b-9d3e-000000000001"_s, u"GeForce RTX 4090"_s, 24564},
        {1, u"GPU-8f6d2a1e-0000-4c4b-9d3e-000000000002"_s, u"GeForce RTX 4090"_s, 24564}};
    p.recordedSamples = {
        {{0, p.recordedDevices[0].uuid, 97, 21800, 73, 428.5, {{4242, 21500}}},
         {1, p.recordedDevices[1].uuid, 35, 3000, 51, 120.0, {{777, 2900}}}},
        {{0, p.recordedDevices[0].uuid, 99, 21900, 74, 431.0, {{4242, 21600}}},
         {1, p.recordedDevices[1].uuid, 0, 0, 40, 22.0, {}}},
    };
    return p;
}

} // namespace

class TestGpuProbe : public QObject
{
    Q_OBJECT

private slots:
    void specListsRecordedGpus()
    {
        RecordedGpuProbe probe = twoGpuMachine();
        QVERIFY(probe.init());
        const protocol::MachineSpec spec = machineSpec(&probe, QDir::tempPath());
        QCOMPARE(spec.gpus.size(), 2);
        QCOMPARE(spec.gpus[0].model, u"GeForce RTX 4090"_s);
        QCOMPARE(spec.gpus[1].memory_mb, 24564);
        QCOMPARE(spec.driver_version, u"550.54.15"_s);
        QCOMPARE(spec.cuda_version, u"12.4"_s);
        QVERIFY(spec.cpu_cores > 0);
        QVERIFY(spec.ram_mb > 0);
    }

    void samplesBecomeTelemetryAndForeignProcessesAreFound()
    {
        RecordedGpuProbe probe = twoGpuMachine();
        const QSet<qint64> suanliPids = {4242}; // inside an instance
        QList<GpuReading> first = probe.sample();
        QCOMPARE(first.size(), 2);
        QCOMPARE(GpuUsage::foreignProcesses(first[0], suanliPids).size(), 0);
        const QList<GpuProcess> foreign = GpuUsage::foreignProcesses(first[1], suanliPids);
        QCOMPARE(foreign.size(), 1);
        QCOMPARE(foreign[0].pid, 777);
        QCOMPARE(foreign[0].memory_used_mb, 2900);
        const protocol::GpuSample s = GpuUsage::toSample(first[0]);
        QCOMPARE(s.index, 0);
        QCOMPARE(s.utilization_pct, 97.0);
        QCOMPARE(s.memory_used_mb, 21800);
        QCOMPARE(s.temperature_c, 73.0);
        QCOMPARE(s.power_w, 428.5);
        QList<GpuReading> second = probe.sample();
        QCOMPARE(GpuUsage::toSample(second[0]).power_w, 431.0);
        QVERIFY(GpuUsage::foreignProcesses(second[1], suanliPids).isEmpty());
    }

    void graphicsProcessesCountAsForeign()
    {
        // A game is a graphics context, a CUDA job a compute one; a mixed context is in both
        // lists and counts once, with the larger memory figure.
        const QList<GpuProcess> compute = {{100, 2000}, {200, 500}};
        const QList<GpuProcess> graphics = {{300, 1500}, {200, 700}};
        const QList<GpuProcess> merged = GpuUsage::mergeProcesses(compute, graphics);
        QCOMPARE(merged, (QList<GpuProcess>{{100, 2000}, {200, 700}, {300, 1500}}));
        GpuReading reading;
        reading.processes = merged;
        const QList<GpuProcess> foreign = GpuUsage::foreignProcesses(reading, {100, 200});
        QCOMPARE(foreign, (QList<GpuProcess>{{300, 1500}}));
        QCOMPARE(GpuUsage::mergeProcesses({}, graphics), graphics);
    }

    void noDriverMeansCpuOnly()
    {
        if (QFile::exists(u"/proc/driver/nvidia/version"_s))
            QSKIP("this machine has an NVIDIA driver; the CPU-only case needs one without");
        NvmlGpuProbe probe;
        auto r = probe.init();
        QVERIFY(!r);
        QCOMPARE(r.error().code, u"no_nvidia_driver"_s);
        QVERIFY(probe.devices().isEmpty());
        QVERIFY(probe.sample().isEmpty());
        QCOMPARE(machineSpec(nullptr, QDir::tempPath()).gpus.size(), 0);
    }

    void toolkitVersionGate()
    {
        QCOMPARE(
            SelfTest::toolkitVersion(u"NVIDIA Container Toolkit CLI version 1.17.8\ncommit: abc"_s),
            (QList<int>{1, 17, 8}));
        QVERIFY(SelfTest::toolkitIsSafe({1, 17, 8}));
        QVERIFY(SelfTest::toolkitIsSafe({1, 18, 0}));
        QVERIFY(!SelfTest::toolkitIsSafe({1, 17, 7}));
        QVERIFY(!SelfTest::toolkitIsSafe({1, 16, 2}));
        QVERIFY(!SelfTest::toolkitIsSafe({}));
        const QByteArray spec = "cdiVersion: 0.5.0\nkind: nvidia.com/gpu\ndevices:\n"
                                "- name: GPU-8f6d2a1e-0000-4c4b-9d3e-000000000001\n";
        QVERIFY(SelfTest::cdiSpecListsGpu(spec, u"GPU-8f6d2a1e-0000-4c4b-9d3e-000000000001"_s));
        QVERIFY(!SelfTest::cdiSpecListsGpu(spec, u"GPU-8f6d2a1e-0000-4c4b-9d3e-000000000002"_s));
    }

    void passthroughRefusedWithoutCdiSpec()
    {
        // The gate reads every spec in Podman's CDI folders (a GPU test's own one included).
        for (const QString &dir : {u"/etc/cdi"_s, u"/var/run/cdi"_s}) {
            if (!QDir(dir).entryList({u"*.yaml"_s, u"*.json"_s}, QDir::Files).isEmpty())
                QSKIP("this machine has a CDI spec");
        }
        RecordedGpuProbe probe = twoGpuMachine();
        std::optional<Result<void>> answer;
        QObject context;
        SelfTest::verifyPassthrough(&context, probe.devices(),
                                    [&answer](const Result<void> &r) { answer = r; });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!*answer);
        QCOMPARE(answer->error().code, u"cdi_spec_missing"_s);
        QVERIFY(answer->error().message.contains(u"nvidia-ctk cdi generate"_s));
    }
};

QTEST_GUILESS_MAIN(TestGpuProbe)
#include "tst_gpuprobe.moc"
