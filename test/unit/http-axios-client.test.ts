import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { describeHttpClientContract } from '../support/http-client-contract';

/**
 * The axios client (the app's, the CLI's) over Node's sockets, through the contract every
 * HttpClient passes. Nothing it does differently over a plain loopback server is left to test
 * here: its proxies, routes and agents are tested where they matter (test/integration/http-proxy,
 * socks-proxy, system-certificates; test/unit/hub-tls).
 */
describeHttpClientContract('createAxiosHttpClient', (options) => createAxiosHttpClient(options));
