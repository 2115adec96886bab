// exposure rules (category barrel).
import type { Rule } from "../../types";
import { exposureIngressDangling } from "./exposure-ingress-dangling";
import { exposureIngressNoTls } from "./exposure-ingress-no-tls";
import { exposureKubeProxyMetrics } from "./exposure-kube-proxy-metrics";
import { exposureRouteDangling } from "./exposure-route-dangling";
import { exposureSensitiveInterface } from "./exposure-sensitive-interface";
import { exposureServiceDangling } from "./exposure-service-dangling";
import { exposureServiceExternalIps } from "./exposure-service-external-ips";
import { exposureServiceLoadBalancer } from "./exposure-service-load-balancer";
import { exposureServiceNodePort } from "./exposure-service-node-port";

export const exposureRules: Rule[] = [
  exposureIngressDangling,
  exposureIngressNoTls,
  exposureKubeProxyMetrics,
  exposureRouteDangling,
  exposureSensitiveInterface,
  exposureServiceDangling,
  exposureServiceExternalIps,
  exposureServiceLoadBalancer,
  exposureServiceNodePort,
];
