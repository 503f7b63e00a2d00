#include "pairdialog.h"

#include "app/instancelistmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using suanli::protocol::InstanceState;

namespace suanli::ui {

PairDialog::PairDialog(app::InstanceListModel *instances, const datasets::DatasetPair &pair,
                       bool editing, QWidget *parent)
    : QDialog(parent)
    , m_pair(pair)
    , m_folder(new QLineEdit(pair.localFolder, this))
    , m_instance(new QComboBox(this))
    , m_remote(new QLineEdit(pair.remotePath, this))
    , m_direction(new QComboBox(this))
    , m_mirror(new QCheckBox(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_instances(instances)
{
    setObjectName(u"pairDialog"_s);
    setWindowTitle(editing ? tr("Edit folder pair") : tr("Add a folder pair"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_folder->setObjectName(u"localFolderEdit"_s);
    m_folder->setMinimumWidth(360);
    m_folder->setPlaceholderText(tr("A folder on this computer"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(u"browseButton"_s);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("Local folder"), folderRow);

    m_instance->setObjectName(u"instanceBox"_s);
    form->addRow(tr("Instance"), m_instance);
    m_remote->setObjectName(u"remotePathEdit"_s);
    m_remote->setPlaceholderText(u"/workspace/data"_s);
    form->addRow(tr("Path on the instance"), m_remote);

    m_direction->setObjectName(u"directionBox"_s);
    m_direction->addItem(tr("Upload: this folder → the instance"), int(sync::Direction::Upload));
    m_direction->addItem(tr("Download: the instance → this folder"), int(sync::Direction::Download));
    m_direction->setCurrentIndex(m_direction->findData(int(pair.direction)));
    form->addRow(tr("Sync now copies"), m_direction);
    m_mirror->setObjectName(u"deleteExtraneousBox"_s);
    m_mirror->setChecked(pair.deleteExtraneous);
    form->addRow(QString(), m_mirror);
    layout->addLayout(form);

    auto *hint = new QLabel(tr("Files whose size and time match are skipped; large files resume "
                               "where a cancelled sync stopped. A .suanliignore file in the "
                               "folder lists what to leave out, like .gitignore."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);
    m_error->setObjectName(u"pairError"_s);
    m_error->setStyleSheet(u"color: #b42318;"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    m_buttons->button(QDialogButtonBox::Ok)->setText(editing ? tr("Save") : tr("Add"));
    layout->addWidget(m_buttons);

    fillInstances(pair.instanceId);
    updateMirrorText();
    connect(m_direction, &QComboBox::currentIndexChanged, this, &PairDialog::updateMirrorText);
    connect(browse, &QPushButton::clicked, this, &PairDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { emit submitted(this->pair()); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void PairDialog::fillInstances(const QString &current)
{
    m_instance->clear();
    m_instance->addItem(tr("Choose later (not rented yet)"), QString());
    bool found = current.isEmpty();
    for (int row = 0; row < m_instances->rowCount(); ++row) {
        const protocol::Instance &in = m_instances->instance(row);
        const QString id = QString::number(in.id);
        const bool running = in.state == InstanceState::Running;
        if (!running && id != current)
            continue;
        const QString name = in.label.isEmpty() ? tr("Instance %1").arg(in.id) : in.label;
        const QString what = in.gpu_count > 0 ? u"%1 × %2"_s.arg(in.gpu_count).arg(in.gpu_model)
                                              : tr("CPU only");
        m_instance->addItem(running ? tr("%1 · %2").arg(name, what)
                                    : tr("%1 · %2").arg(name, app::InstanceListModel::stateText(in.state)),
                            id);
        found = found || id == current;
    }
    if (!found) // an instance that has gone since: keep it visible rather than drop it silently
        m_instance->addItem(tr("Instance %1 (gone)").arg(current), current);
    m_instance->setCurrentIndex(qMax(0, m_instance->findData(current)));
    // A new pair goes to the only running instance if there is one.
    if (current.isEmpty() && m_instance->count() == 2)
        m_instance->setCurrentIndex(1);
}

void PairDialog::browse()
{
    // Non-modal for the event loop: the picker is opened, its answer arrives as a signal.
    auto *picker = new QFileDialog(this, tr("Choose the local folder"), m_folder->text());
    picker->setFileMode(QFileDialog::Directory);
    picker->setOption(QFileDialog::ShowDirsOnly);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QFileDialog::fileSelected, this,
            [this](const QString &folder) { m_folder->setText(QDir::toNativeSeparators(folder)); });
    picker->open();
}

void PairDialog::updateMirrorText()
{
    m_mirror->setText(m_direction->currentData().toInt() == int(sync::Direction::Upload)
                          ? tr("Delete files on the instance that this folder no longer has")
                          : tr("Delete files in this folder that the instance no longer has"));
}

datasets::DatasetPair PairDialog::pair() const
{
    datasets::DatasetPair pair = m_pair;
    pair.localFolder = QDir::fromNativeSeparators(m_folder->text().trimmed());
    pair.instanceId = m_instance->currentData().toString();
    pair.remotePath = m_remote->text().trimmed();
    pair.direction = sync::Direction(m_direction->currentData().toInt());
    pair.deleteExtraneous = m_mirror->isChecked();
    return pair;
}

void PairDialog::setError(const Error &error)
{
    m_error->setText(error.message);
    m_error->show();
    if (error.field == "localFolder"_L1)
        m_folder->setFocus();
    else if (error.field == "remotePath"_L1)
        m_remote->setFocus();
}

} // namespace suanli::ui
