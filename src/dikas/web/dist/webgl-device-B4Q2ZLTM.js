import{a}from"./chunk-OYJQKYV7.js";import"./chunk-KPHL42VG.js";import"./chunk-GINGPXMU.js";export{a as WebGLDevice};
