#include "syncprogresspanel.h"

#include "app/moneyformat.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

namespace {
// Enough to see what a plan does; a tree of a million files is summed up, not listed.
constexpr int kMaxPlanRows = 2000;
constexpr int kBarSteps = 1000; // QProgressBar counts in int; bytes do not fit

int barValue(qint64 done, qint64 total)
{
    return total > 0 ? int(qMin(done, total) * kBarSteps / total) : 0;
}
} // namespace

SyncProgressPanel::SyncProgressPanel(QWidget *parent)
    : QWidget(parent)
    , m_bytes(new QProgressBar(this))
    , m_files(new QProgressBar(this))
    , m_rate(new QLabel(this))
    , m_eta(new QLabel(this))
    , m_status(new QLabel(this))
    , m_planSummary(new QLabel(this))
    , m_planTree(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_bytes->setObjectName(u"bytesBar"_s);
    m_files->setObjectName(u"filesBar"_s);
    for (QProgressBar *bar : {m_bytes, m_files}) {
        bar->setRange(0, kBarSteps);
        bar->setTextVisible(true);
        bar->setAlignment(Qt::AlignCenter);
    }
    form->addRow(tr("Data"), m_bytes);
    form->addRow(tr("Files"), m_files);
    m_rate->setObjectName(u"rateLabel"_s);
    m_eta->setObjectName(u"etaLabel"_s);
    auto *speedRow = new QHBoxLayout;
    speedRow->addWidget(m_rate);
    speedRow->addSpacing(24);
    speedRow->addWidget(new QLabel(tr("Time left"), this));
    speedRow->addWidget(m_eta);
    speedRow->addStretch(1);
    form->addRow(tr("Speed"), speedRow);
    layout->addLayout(form);
    m_status->setObjectName(u"syncStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_planSummary->setObjectName(u"planSummary"_s);
    m_planSummary->setWordWrap(true);
    layout->addWidget(m_planSummary);
    m_planTree->setObjectName(u"planTree"_s);
    m_planTree->setHeaderLabels({tr("Path"), tr("Size"), tr("Action")});
    m_planTree->setRootIsDecorated(false);
    m_planTree->setUniformRowHeights(true);
    m_planTree->setAlternatingRowColors(true);
    m_planTree->header()->setStretchLastSection(false);
    m_planTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_planTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_planTree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    layout->addWidget(m_planTree, 1);
    clearProgress();
    clearPlan();
}

void SyncProgressPanel::setProgress(const sync::SyncProgress &p, bool running)
{
    auto size = [this](qint64 bytes) {
        return m_locale.formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
    };
    m_bytes->setValue(barValue(p.bytesDone, p.bytesTotal));
    m_bytes->setFormat(p.bytesTotal > 0 || !running
                           ? tr("%1 of %2").arg(size(p.bytesDone), size(p.bytesTotal))
                           : tr("Comparing both sides…"));
    m_files->setValue(barValue(p.filesDone, p.filesTotal));
    m_files->setFormat(tr("%1 of %2").arg(m_locale.toString(p.filesDone), m_locale.toString(p.filesTotal)));
    if (!running) {
        m_rate->setText(u"—"_s);
        m_eta->setText(u"—"_s);
        return;
    }
    m_rate->setText(p.paused ? tr("paused") : tr("%1/s").arg(size(qint64(p.bytesPerSecond))));
    m_eta->setText(p.paused || p.etaSeconds < 0 ? u"—"_s : app::formatDuration(p.etaSeconds));
}

void SyncProgressPanel::clearProgress()
{
    setProgress({}, false);
    m_bytes->setFormat(QString());
    m_files->setFormat(QString());
}

QString SyncProgressPanel::planText(const sync::SyncPlan &plan, sync::Direction direction,
                                    bool dryRun, const QLocale &locale)
{
    auto size = [&](qint64 bytes) { return locale.formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat); };
    const bool up = direction == sync::Direction::Upload;
    const int files = int(plan.transfers.size());
    QStringList parts;
    if (files == 0)
        parts << tr("Nothing to copy: both sides match.");
    else if (dryRun)
        parts << (up ? tr("Sync now would upload %n file(s), %1.", nullptr, files)
                     : tr("Sync now would download %n file(s), %1.", nullptr, files))
                         .arg(size(plan.bytesToTransfer));
    else
        parts << (up ? tr("Uploading %n file(s), %1.", nullptr, files)
                     : tr("Downloading %n file(s), %1.", nullptr, files))
                         .arg(size(plan.bytesToTransfer));
    if (plan.unchangedFiles > 0)
        parts << tr("%n file(s) (%1) already there.", nullptr, int(plan.unchangedFiles))
                     .arg(size(plan.unchangedBytes));
    if (!plan.directories.isEmpty())
        parts << tr("%n folder(s) to create.", nullptr, int(plan.directories.size()));
    if (!plan.symlinks.isEmpty())
        parts << tr("%n link(s).", nullptr, int(plan.symlinks.size()));
    if (!plan.deletions.isEmpty())
        parts << (up ? tr("%n to delete on the instance.", nullptr, int(plan.deletions.size()))
                     : tr("%n to delete in the folder.", nullptr, int(plan.deletions.size())));
    if (!plan.skipped.isEmpty())
        parts << tr("%n skipped (see the list).", nullptr, int(plan.skipped.size()));
    return parts.join(u' ');
}

void SyncProgressPanel::showPlan(const sync::SyncPlan &plan, sync::Direction direction, bool dryRun)
{
    m_planSummary->setText((dryRun ? tr("<b>Plan</b> (nothing moved): ") : QString())
                           + planText(plan, direction, dryRun, m_locale).toHtmlEscaped());
    m_planTree->clear();
    QList<QTreeWidgetItem *> items;
    auto add = [&](const QByteArray &path, const QString &size, const QString &action) {
        if (items.size() >= kMaxPlanRows)
            return;
        auto *item = new QTreeWidgetItem({QString::fromUtf8(path), size, action});
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        items.append(item);
    };
    const QString copy = direction == sync::Direction::Upload ? tr("upload") : tr("download");
    for (const sync::Issue &issue : plan.skipped)
        add(issue.path, QString(), tr("skipped: %1").arg(issue.error.message));
    for (const QByteArray &path : plan.deletions)
        add(path, QString(), tr("delete"));
    for (const sync::Entry &entry : plan.transfers)
        add(entry.path, m_locale.formattedDataSize(entry.size, 1, QLocale::DataSizeSIFormat), copy);
    const qint64 total = plan.skipped.size() + plan.deletions.size() + plan.transfers.size();
    if (total > items.size()) {
        items.append(new QTreeWidgetItem(
            {tr("… and %n more", nullptr, int(total - items.size())), QString(), QString()}));
    }
    m_planTree->addTopLevelItems(items);
    m_planTree->setVisible(!items.isEmpty());
}

void SyncProgressPanel::clearPlan()
{
    m_planSummary->clear();
    m_planTree->clear();
    m_planTree->hide();
}

void SyncProgressPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #b42318;"_s : QString());
}

QString SyncProgressPanel::status() const
{
    return m_status->text();
}

QString SyncProgressPanel::planSummary() const
{
    return m_planSummary->text();
}

} // namespace suanli::ui
