#include "clonedialog.h"

#include "app/moneyformat.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

CloneDialog::CloneDialog(app::InstancesController *controller, const protocol::Instance &source,
                         bool move, const QString &currency, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_source(source)
    , m_move(move)
    , m_currency(currency)
    , m_status(new QLabel(tr("Looking for matching offers…"), this))
    , m_offers(new QTableWidget(0, 4, this))
    , m_disk(new QSpinBox(this))
{
    setObjectName(move ? u"moveDialog"_s : u"cloneDialog"_s);
    const QString name = source.label.isEmpty() ? tr("instance %1").arg(source.id) : source.label;
    setWindowTitle(move ? tr("Move %1 to another host").arg(name) : tr("Clone %1").arg(name));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        move ? tr("A new instance is made on the host you pick and /workspace is copied to it, "
                  "host to host, then checked file by file. Only then is this instance "
                  "destroyed; if the copy fails or you cancel it, this one stays as it is. "
                  "Both are billed while the copy runs.")
             : tr("A new instance is made on the host you pick with a copy of /workspace, "
                  "checked file by file. This instance keeps running. Both are billed."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_status->setObjectName(u"cloneStatus"_s);
    layout->addWidget(m_status);
    m_offers->setObjectName(u"cloneOffers"_s);
    m_offers->setHorizontalHeaderLabels({tr("Host"), tr("GPU"), tr("Free"), tr("Price")});
    m_offers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_offers->setSelectionMode(QAbstractItemView::SingleSelection);
    m_offers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_offers->verticalHeader()->hide();
    m_offers->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_offers, 1);
    auto *form = new QFormLayout;
    m_disk->setObjectName(u"cloneDisk"_s);
    m_disk->setRange(1, 100000);
    m_disk->setValue(int(source.disk_gb));
    m_disk->setSuffix(tr(" GB"));
    form->addRow(tr("Disk of the new instance:"), m_disk);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(move ? tr("Move") : tr("Clone"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(u"cloneOk"_s);
    m_ok->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const auto r = request();
        if (r.offer_id == 0)
            return;
        m_controller->cloneInstance(m_source.id, r);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_offers, &QTableWidget::itemSelectionChanged, this,
            [this] { m_ok->setEnabled(!m_offers->selectedItems().isEmpty()); });
    resize(620, 420);
    controller->matchingOffers(
        source, this, [this](Result<QList<protocol::Offer>> offers) { showOffers(offers); });
}

void CloneDialog::showOffers(const Result<QList<protocol::Offer>> &offers)
{
    if (!offers) {
        m_status->setText(tr("Cannot load the catalog: %1").arg(offers.error().message));
        return;
    }
    m_list = *offers;
    m_status->setText(
        m_list.isEmpty()
            ? tr("No other host has %1 free right now.")
                  .arg(m_source.gpu_count > 0 && !m_source.no_gpu
                           ? tr("%n × %1", nullptr, m_source.gpu_count).arg(m_source.gpu_model)
                           : tr("a machine like this one"))
            : tr("Offers like this instance's on other hosts, cheapest first:"));
    m_offers->setRowCount(int(m_list.size()));
    const QLocale locale;
    for (int row = 0; row < m_list.size(); ++row) {
        const protocol::Offer &o = m_list[row];
        const QStringList cells{
            o.host_name, o.gpus_total > 0 ? o.gpu_model : tr("CPU only"),
            QString::number(o.gpus_free),
            tr("%1/h").arg(app::formatPrice(o.price_gpu_hour_micro, m_currency, locale))};
        for (int column = 0; column < cells.size(); ++column)
            m_offers->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    if (!m_list.isEmpty())
        m_offers->selectRow(0);
}

protocol::CloneInstanceRequest CloneDialog::request() const
{
    protocol::CloneInstanceRequest r;
    const auto rows = m_offers->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_list.size())
        return r;
    const protocol::Offer &o = m_list[rows.first().row()];
    r.offer_id = o.id;
    r.gpu_count = o.gpus_total > 0 ? (m_source.no_gpu ? 1 : m_source.gpu_count) : 0;
    if (m_disk->value() != m_source.disk_gb)
        r.disk_gb = m_disk->value();
    r.move = m_move;
    return r;
}

} // namespace suanli::ui
