#include "myimagesdialog.h"

#include "app/moneyformat.h"
#include "client/marketclient.h"
#include "saveimagedialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

MyImagesDialog::MyImagesDialog(client::MarketClient *client, const QString &currency,
                               QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_currency(currency)
    , m_table(new QTableWidget(0, 5, this))
    , m_state(new QLabel(this))
    , m_delete(new QPushButton(tr("Delete…"), this))
{
    setWindowTitle(tr("My images"));
    m_table->setObjectName(u"imagesTable"_s);
    m_delete->setObjectName(u"deleteImageButton"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("State"), tr("Size"), tr("Where"), tr("Storage per GB and month")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *refresh = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    buttons->addButton(m_delete, QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(refresh, &QPushButton::clicked, this, &MyImagesDialog::reload);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(true); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_delete->setEnabled(m_table->currentRow() >= 0); });
    m_delete->setEnabled(false);
    resize(720, 320);
    reload();
}

void MyImagesDialog::reload()
{
    m_state->setText(tr("Loading…"));
    m_client->ownImages(this, [this](Result<QList<protocol::OwnImage>> images) {
        if (!images) {
            m_state->setText(tr("Cannot load your images: %1").arg(images.error().message));
            return;
        }
        m_images = *images;
        fill();
        emit loaded();
    });
}

void MyImagesDialog::fill()
{
    m_table->setRowCount(0);
    for (const auto &image : std::as_const(m_images)) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QString state = image.state == "ready"_L1    ? tr("Ready")
                              : image.state == "saving"_L1 ? tr("Saving…")
                                                           : tr("Failed: %1").arg(image.reason);
        const QString where = image.host_id ? tr("lives on host %1 only").arg(image.host_name)
                                            : tr("market registry (any host)");
        const QStringList cells{
            image.name, state, image.size_bytes ? formatImageSize(image.size_bytes) : QString(),
            where, app::formatPrice(image.price_storage_gb_month_micro, m_currency, locale())};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    m_state->setText(m_images.isEmpty()
                         ? tr("You have no saved images. Use “Save as image…” on an instance.")
                         : QString());
    m_delete->setEnabled(m_table->currentRow() >= 0);
}

void MyImagesDialog::deleteSelected(bool confirm)
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_images.size())
        return;
    const protocol::OwnImage image = m_images[row];
    if (confirm &&
        QMessageBox::question(this, tr("Delete image"),
                              tr("Delete the image %1? Instances can no longer be launched from "
                                 "it; its storage is no longer billed.")
                                  .arg(image.name)) != QMessageBox::Yes)
        return;
    m_delete->setEnabled(false);
    m_client->deleteImage(image.id, this, [this, name = image.name](Result<void> r) {
        if (!r) {
            m_state->setText(tr("Cannot delete %1: %2").arg(name, r.error().message));
            m_delete->setEnabled(true);
            return;
        }
        reload();
    });
}

} // namespace suanli::ui
