// Every test file runs with the network off: only loopback may be reached (redis, sandbox, tmux-free HTTP).
import nock from "nock";

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
