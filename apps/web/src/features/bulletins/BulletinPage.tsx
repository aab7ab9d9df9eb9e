import { ArrowLeftOutlined } from '@ant-design/icons';
import { Col, Row, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { BulletinPanel } from './BulletinPanel';
import { BulletinSheet } from './BulletinSheet';
import { useBulletin } from './bulletins.queries';
import './bulletins.css';

/** /bulletins/:id: the bulletin as the document reads, with its status, moves and files beside it. */
export default function BulletinPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const bulletin = useBulletin(id);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/bulletins">
        <ArrowLeftOutlined /> {t('bulletins.panel.back')}
      </Link>
      {bulletin.isError && <QueryError error={bulletin.error} onRetry={() => void bulletin.refetch()} />}
      {bulletin.isPending && !bulletin.isError && <Spin />}
      {bulletin.data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={17} style={{ minWidth: 0 }}>
            <BulletinSheet bulletin={bulletin.data} />
          </Col>
          <Col xs={24} xl={7}>
            <BulletinPanel bulletin={bulletin.data} />
          </Col>
        </Row>
      )}
    </Space>
  );
}
