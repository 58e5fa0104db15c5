"""The Redis channel layer, with connection pools that wait when they are full.

channels_redis's own pools raise `MaxConnectionsError` once `max_connections` are in use,
which a burst of sockets reaches (200 turns starting at once lost deltas to it); here a
caller waits up to `pool_timeout` seconds for a connection instead.
"""

import redis.asyncio
from channels_redis.core import RedisChannelLayer


class BlockingRedisChannelLayer(RedisChannelLayer):
    def create_pool(self, index):
        host = dict(self.hosts[index])
        address = host.pop("address")
        timeout = host.pop("pool_timeout", 10)
        return redis.asyncio.BlockingConnectionPool.from_url(address, timeout=timeout, **host)
