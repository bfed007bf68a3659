import{r as Nc}from"./chunk-6Y4RHBNQ.js";import{a as xr,b as vr}from"./chunk-OYJQKYV7.js";import{h as Yc}from"./chunk-5Z62QG6I.js";import{a as jc,d as Vc,e as Uc,f as we,g as mr,h as Yt,i as yr,j as Fc,k as Gc,l as At,m as Ii,o as ns,q as it,r as _r,s as Wc}from"./chunk-P5NYRA2M.js";import{b as He,c as gr,d as ts,e as es,g as J,j as Bc,k as is,w as oe}from"./chunk-KPHL42VG.js";import{a as sp,b as $e,c as ap,d as L}from"./chunk-GINGPXMU.js";var Vd=sp((Bz,Oc)=>{"use strict";Oc.exports=$o;Oc.exports.default=$o;function $o(i,t,e){e=e||2;var n=t&&t.length,r=n?t[0]*e:i.length,o=Nd(i,0,r,e,!0),s=[];if(!o||o.next===o.prev)return s;var a,c,l,f,h,u,d;if(n&&(o=vP(i,t,o,e)),i.length>80*e){a=l=i[0],c=f=i[1];for(var p=e;p<r;p+=e)h=i[p],u=i[p+1],h<a&&(a=h),u<c&&(c=u),h>l&&(l=h),u>f&&(f=u);d=Math.max(l-a,f-c),d=d!==0?32767/d:0}return ar(o,s,e,a,c,d,0),s}function Nd(i,t,e,n,r){var o,s;if(r===Rc(i,t,e,n)>0)for(o=t;o<e;o+=n)s=zd(o,i[o],i[o+1],s);else for(o=e-n;o>=t;o-=n)s=zd(o,i[o],i[o+1],s);return s&&Ho(s,s.next)&&(lr(s),s=s.next),s}function Ye(i,t){if(!i)return i;t||(t=i);var e=i,n;do if(n=!1,!e.steiner&&(Ho(e,e.next)||F(e.prev,e,e.next)===0)){if(lr(e),e=t=e.prev,e===e.next)break;n=!0}else e=e.next;while(n||e!==t);return t}function ar(i,t,e,n,r,o,s){if(i){!s&&o&&EP(i,n,r,o);for(var a=i,c,l;i.prev!==i.next;){if(c=i.prev,l=i.next,o?mP(i,n,r,o):gP(i)){t.push(c.i/e|0),t.push(i.i/e|0),t.push(l.i/e|0),lr(i),i=l.next,a=l.next;continue}if(i=l,i===a){s?s===1?(i=yP(Ye(i),t,e),ar(i,t,e,n,r,o,2)):s===2&&xP(i,t,e,n,r,o):ar(Ye(i),t,e,n,r,o,1);break}}}}function gP(i){var t=i.prev,e=i,n=i.next;if(F(t,e,n)>=0)return!1;for(var r=t.x,o=e.x,s=n.x,a=t.y,c=e.y,l=n.y,f=r<o?r<s?r:s:o<s?o:s,h=a<c?a<l?a:l:c<l?c:l,u=r>o?r>s?r:s:o>s?o:s,d=a>c?a>l?a:l:c>l?c:l,p=n.next;p!==t;){if(p.x>=f&&p.x<=u&&p.y>=h&&p.y<=d&&Li(r,a,o,c,s,l,p.x,p.y)&&F(p.prev,p,p.next)>=0)return!1;p=p.next}return!0}function mP(i,t,e,n){var r=i.prev,o=i,s=i.next;if(F(r,o,s)>=0)return!1;for(var a=r.x,c=o.x,l=s.x,f=r.y,h=o.y,u=s.y,d=a<c?a<l?a:l:c<l?c:l,p=f<h?f<u?f:u:h<u?h:u,g=a>c?a>l?a:l:c>l?c:l,m=f>h?f>u?f:u:h>u?h:u,v=Ac(d,p,t,e,n),_=Ac(g,m,t,e,n),y=i.prevZ,x=i.nextZ;y&&y.z>=v&&x&&x.z<=_;){if(y.x>=d&&y.x<=g&&y.y>=p&&y.y<=m&&y!==r&&y!==s&&Li(a,f,c,h,l,u,y.x,y.y)&&F(y.prev,y,y.next)>=0||(y=y.prevZ,x.x>=d&&x.x<=g&&x.y>=p&&x.y<=m&&x!==r&&x!==s&&Li(a,f,c,h,l,u,x.x,x.y)&&F(x.prev,x,x.next)>=0))return!1;x=x.nextZ}for(;y&&y.z>=v;){if(y.x>=d&&y.x<=g&&y.y>=p&&y.y<=m&&y!==r&&y!==s&&Li(a,f,c,h,l,u,y.x,y.y)&&F(y.prev,y,y.next)>=0)return!1;y=y.prevZ}for(;x&&x.z<=_;){if(x.x>=d&&x.x<=g&&x.y>=p&&x.y<=m&&x!==r&&x!==s&&Li(a,f,c,h,l,u,x.x,x.y)&&F(x.prev,x,x.next)>=0)return!1;x=x.nextZ}return!0}function yP(i,t,e){var n=i;do{var r=n.prev,o=n.next.next;!Ho(r,o)&&Bd(r,n,n.next,o)&&cr(r,o)&&cr(o,r)&&(t.push(r.i/e|0),t.push(n.i/e|0),t.push(o.i/e|0),lr(n),lr(n.next),n=i=o),n=n.next}while(n!==i);return Ye(n)}function xP(i,t,e,n,r,o){var s=i;do{for(var a=s.next.next;a!==s.prev;){if(s.i!==a.i&&CP(s,a)){var c=jd(s,a);s=Ye(s,s.next),c=Ye(c,c.next),ar(s,t,e,n,r,o,0),ar(c,t,e,n,r,o,0);return}a=a.next}s=s.next}while(s!==i)}function vP(i,t,e,n){var r=[],o,s,a,c,l;for(o=0,s=t.length;o<s;o++)a=t[o]*n,c=o<s-1?t[o+1]*n:i.length,l=Nd(i,a,c,n,!1),l===l.next&&(l.steiner=!0),r.push(SP(l));for(r.sort(_P),o=0;o<r.length;o++)e=PP(r[o],e);return e}function _P(i,t){return i.x-t.x}function PP(i,t){var e=wP(i,t);if(!e)return t;var n=jd(e,i);return Ye(n,n.next),Ye(e,e.next)}function wP(i,t){var e=t,n=i.x,r=i.y,o=-1/0,s;do{if(r<=e.y&&r>=e.next.y&&e.next.y!==e.y){var a=e.x+(r-e.y)*(e.next.x-e.x)/(e.next.y-e.y);if(a<=n&&a>o&&(o=a,s=e.x<e.next.x?e:e.next,a===n))return s}e=e.next}while(e!==t);if(!s)return null;var c=s,l=s.x,f=s.y,h=1/0,u;e=s;do n>=e.x&&e.x>=l&&n!==e.x&&Li(r<f?n:o,r,l,f,r<f?o:n,r,e.x,e.y)&&(u=Math.abs(r-e.y)/(n-e.x),cr(e,i)&&(u<h||u===h&&(e.x>s.x||e.x===s.x&&bP(s,e)))&&(s=e,h=u)),e=e.next;while(e!==c);return s}function bP(i,t){return F(i.prev,i,t.prev)<0&&F(t.next,i,i.next)<0}function EP(i,t,e,n){var r=i;do r.z===0&&(r.z=Ac(r.x,r.y,t,e,n)),r.prevZ=r.prev,r.nextZ=r.next,r=r.next;while(r!==i);r.prevZ.nextZ=null,r.prevZ=null,MP(r)}function MP(i){var t,e,n,r,o,s,a,c,l=1;do{for(e=i,i=null,o=null,s=0;e;){for(s++,n=e,a=0,t=0;t<l&&(a++,n=n.nextZ,!!n);t++);for(c=l;a>0||c>0&&n;)a!==0&&(c===0||!n||e.z<=n.z)?(r=e,e=e.nextZ,a--):(r=n,n=n.nextZ,c--),o?o.nextZ=r:i=r,r.prevZ=o,o=r;e=n}o.nextZ=null,l*=2}while(s>1);return i}function Ac(i,t,e,n,r){return i=(i-e)*r|0,t=(t-n)*r|0,i=(i|i<<8)&16711935,i=(i|i<<4)&252645135,i=(i|i<<2)&858993459,i=(i|i<<1)&1431655765,t=(t|t<<8)&16711935,t=(t|t<<4)&252645135,t=(t|t<<2)&858993459,t=(t|t<<1)&1431655765,i|t<<1}function SP(i){var t=i,e=i;do(t.x<e.x||t.x===e.x&&t.y<e.y)&&(e=t),t=t.next;while(t!==i);return e}function Li(i,t,e,n,r,o,s,a){return(r-s)*(t-a)>=(i-s)*(o-a)&&(i-s)*(n-a)>=(e-s)*(t-a)&&(e-s)*(o-a)>=(r-s)*(n-a)}function CP(i,t){return i.next.i!==t.i&&i.prev.i!==t.i&&!TP(i,t)&&(cr(i,t)&&cr(t,i)&&LP(i,t)&&(F(i.prev,i,t.prev)||F(i,t.prev,t))||Ho(i,t)&&F(i.prev,i,i.next)>0&&F(t.prev,t,t.next)>0)}function F(i,t,e){return(t.y-i.y)*(e.x-t.x)-(t.x-i.x)*(e.y-t.y)}function Ho(i,t){return i.x===t.x&&i.y===t.y}function Bd(i,t,e,n){var r=Yo(F(i,t,e)),o=Yo(F(i,t,n)),s=Yo(F(e,n,i)),a=Yo(F(e,n,t));return!!(r!==o&&s!==a||r===0&&Wo(i,e,t)||o===0&&Wo(i,n,t)||s===0&&Wo(e,i,n)||a===0&&Wo(e,t,n))}function Wo(i,t,e){return t.x<=Math.max(i.x,e.x)&&t.x>=Math.min(i.x,e.x)&&t.y<=Math.max(i.y,e.y)&&t.y>=Math.min(i.y,e.y)}function Yo(i){return i>0?1:i<0?-1:0}function TP(i,t){var e=i;do{if(e.i!==i.i&&e.next.i!==i.i&&e.i!==t.i&&e.next.i!==t.i&&Bd(e,e.next,i,t))return!0;e=e.next}while(e!==i);return!1}function cr(i,t){return F(i.prev,i,i.next)<0?F(i,t,i.next)>=0&&F(i,i.prev,t)>=0:F(i,t,i.prev)<0||F(i,i.next,t)<0}function LP(i,t){var e=i,n=!1,r=(i.x+t.x)/2,o=(i.y+t.y)/2;do e.y>o!=e.next.y>o&&e.next.y!==e.y&&r<(e.next.x-e.x)*(o-e.y)/(e.next.y-e.y)+e.x&&(n=!n),e=e.next;while(e!==i);return n}function jd(i,t){var e=new Ic(i.i,i.x,i.y),n=new Ic(t.i,t.x,t.y),r=i.next,o=t.prev;return i.next=t,t.prev=i,e.next=r,r.prev=e,n.next=e,e.prev=n,o.next=n,n.prev=o,n}function zd(i,t,e,n){var r=new Ic(i,t,e);return n?(r.next=n.next,r.prev=n,n.next.prev=r,n.next=r):(r.prev=r,r.next=r),r}function lr(i){i.next.prev=i.prev,i.prev.next=i.next,i.prevZ&&(i.prevZ.nextZ=i.nextZ),i.nextZ&&(i.nextZ.prevZ=i.prevZ)}function Ic(i,t,e){this.i=i,this.x=t,this.y=e,this.prev=null,this.next=null,this.z=0,this.prevZ=null,this.nextZ=null,this.steiner=!1}$o.deviation=function(i,t,e,n){var r=t&&t.length,o=r?t[0]*e:i.length,s=Math.abs(Rc(i,0,o,e));if(r)for(var a=0,c=t.length;a<c;a++){var l=t[a]*e,f=a<c-1?t[a+1]*e:i.length;s-=Math.abs(Rc(i,l,f,e))}var h=0;for(a=0;a<n.length;a+=3){var u=n[a]*e,d=n[a+1]*e,p=n[a+2]*e;h+=Math.abs((i[u]-i[p])*(i[d+1]-i[u+1])-(i[u]-i[d])*(i[p+1]-i[u+1]))}return s===0&&h===0?0:Math.abs((h-s)/s)};function Rc(i,t,e,n){for(var r=0,o=t,s=e-n;o<e;o+=n)r+=(i[s]-i[o])*(i[o+1]+i[s+1]),s=o;return r}$o.flatten=function(i){for(var t=i[0][0].length,e={vertices:[],holes:[],dimensions:t},n=0,r=0;r<i.length;r++){for(var o=0;o<i[r].length;o++)for(var s=0;s<t;s++)e.vertices.push(i[r][o][s]);r>0&&(n+=i[r-1].length,e.holes.push(n))}return e}});function se(i,t){if(!i)throw new Error(t||"loader assertion failed.")}var It={self:typeof self<"u"&&self,window:typeof window<"u"&&window,global:typeof global<"u"&&global,document:typeof document<"u"&&document},cp=It.self||It.window||It.global||{},lp=It.window||It.self||It.global||{},fp=It.global||It.self||It.window||{},hp=It.document||{};var be=!!(typeof process!="object"||String(process)!=="[object process]"||process.browser);var $c=typeof process<"u"&&process.version&&/v([0-9]*)/.exec(process.version),up=$c&&parseFloat($c[1])||0;var rs="4.5.4",dp=rs[0]>="0"&&rs[0]<="9"?`v${rs}`:"";function pp(){let i=new He({id:"loaders.gl"});return globalThis.loaders||(globalThis.loaders={}),globalThis.loaders.log=i,globalThis.loaders.version=dp,globalThis.probe||(globalThis.probe={}),globalThis.probe.loaders=i,i}var os=pp();var gp=i=>typeof i=="boolean",Rt=i=>typeof i=="function",Ot=i=>i!==null&&typeof i=="object",Pr=i=>Ot(i)&&i.constructor==={}.constructor;var ss=i=>typeof SharedArrayBuffer<"u"&&i instanceof SharedArrayBuffer,Ze=i=>Ot(i)&&typeof i.byteLength=="number"&&typeof i.slice=="function";var as=i=>!!i&&Rt(i[Symbol.iterator]),cs=i=>!!i&&Rt(i[Symbol.asyncIterator]);var ft=i=>typeof Response<"u"&&i instanceof Response||Ot(i)&&Rt(i.arrayBuffer)&&Rt(i.text)&&Rt(i.json);var ht=i=>typeof Blob<"u"&&i instanceof Blob;var Hc=i=>typeof ReadableStream<"u"&&i instanceof ReadableStream||Ot(i)&&Rt(i.tee)&&Rt(i.cancel)&&Rt(i.getReader);var Zc=i=>Ot(i)&&Rt(i.read)&&Rt(i.pipe)&&gp(i.readable),Ri=i=>Hc(i)||Zc(i);function ls(i,t){return qc(i||{},t)}function qc(i,t,e=0){if(e>3)return t;let n={...i};for(let[r,o]of Object.entries(t))o&&typeof o=="object"&&!Array.isArray(o)?n[r]=qc(n[r]||{},t[r],e+1):n[r]=t[r];return n}var Xc="latest";function mp(){return globalThis._loadersgl_?.version||(globalThis._loadersgl_=globalThis._loadersgl_||{},globalThis._loadersgl_.version="4.5.4"),globalThis._loadersgl_.version}var Kc=mp();function tt(i,t){if(!i)throw new Error(t||"loaders.gl assertion failed.")}var kt={self:typeof self<"u"&&self,window:typeof window<"u"&&window,global:typeof global<"u"&&global,document:typeof document<"u"&&document},QP=kt.self||kt.window||kt.global||{},tw=kt.window||kt.self||kt.global||{},ew=kt.global||kt.self||kt.window||{},iw=kt.document||{};var pt=typeof process!="object"||String(process)!=="[object process]"||process.browser;var Qc=typeof window<"u"&&typeof window.orientation<"u",Jc=typeof process<"u"&&process.version&&/v([0-9]*)/.exec(process.version),nw=Jc&&parseFloat(Jc[1])||0;var Oi=class{constructor(t,e){L(this,"name");L(this,"workerThread");L(this,"isRunning",!0);L(this,"result");L(this,"_resolve",()=>{});L(this,"_reject",()=>{});this.name=t,this.workerThread=e,this.result=new Promise((n,r)=>{this._resolve=n,this._reject=r})}postMessage(t,e){this.workerThread.postMessage({source:"loaders.gl",type:t,payload:e})}done(t){tt(this.isRunning),this.isRunning=!1,this._resolve(t)}error(t){tt(this.isRunning),this.isRunning=!1,this._reject(t)}};var qe=class{terminate(){}};var fs=new Map;function tl(i){tt(i.source&&!i.url||!i.source&&i.url);let t=fs.get(i.source||i.url);return t||(i.url&&(t=yp(i.url),fs.set(i.url,t)),i.source&&(t=el(i.source),fs.set(i.source,t))),tt(t),t}function yp(i){if(!i.startsWith("http"))return i;let t=xp(i);return el(t)}function el(i){let t=new Blob([i],{type:"application/javascript"});return URL.createObjectURL(t)}function xp(i){return`try {
  importScripts('${i}');
} catch (error) {
  console.error(error);
  throw error;
}`}function hs(i,t=!0,e){let n=e||new Set;if(i){if(il(i))n.add(i);else if(il(i.buffer))n.add(i.buffer);else if(!ArrayBuffer.isView(i)){if(t&&typeof i=="object")for(let r in i)hs(i[r],t,n)}}return e===void 0?Array.from(n):[]}function il(i){return i?i instanceof ArrayBuffer||typeof MessagePort<"u"&&i instanceof MessagePort||typeof ImageBitmap<"u"&&i instanceof ImageBitmap||typeof OffscreenCanvas<"u"&&i instanceof OffscreenCanvas:!1}var us=()=>{},ae=class{constructor(t){L(this,"name");L(this,"source");L(this,"url");L(this,"terminated",!1);L(this,"worker");L(this,"onMessage");L(this,"onError");L(this,"_loadableURL","");let{name:e,source:n,url:r}=t;tt(n||r),this.name=e,this.source=n,this.url=r,this.onMessage=us,this.onError=o=>console.log(o),this.worker=pt?this._createBrowserWorker():this._createNodeWorker()}static isSupported(){return typeof Worker<"u"&&pt||typeof qe<"u"&&!pt}destroy(){this.onMessage=us,this.onError=us,this.worker.terminate(),this.terminated=!0}get isRunning(){return!!this.onMessage}postMessage(t,e){e=e||hs(t),this.worker.postMessage(t,e)}_getErrorFromErrorEvent(t){let e="Failed to load ";return e+=`worker ${this.name} from ${this.url}. `,t.message&&(e+=`${t.message} in `),t.lineno&&(e+=`:${t.lineno}:${t.colno}`),new Error(e)}_createBrowserWorker(){this._loadableURL=tl({source:this.source,url:this.url});let t=new Worker(this._loadableURL,{name:this.name});return t.onmessage=e=>{e.data?this.onMessage(e.data):this.onError(new Error("No data received"))},t.onerror=e=>{this.onError(this._getErrorFromErrorEvent(e)),this.terminated=!0},t.onmessageerror=e=>console.error(e),t}_createNodeWorker(){let t;if(this.url){let n=this.url.includes(":/")||this.url.startsWith("/")?this.url:`./${this.url}`,r=this.url.endsWith(".ts")||this.url.endsWith(".mjs")?"module":"commonjs";t=new qe(n,{eval:!1,type:r})}else if(this.source)t=new qe(this.source,{eval:!0});else throw new Error("no worker");return t.on("message",e=>{this.onMessage(e)}),t.on("error",e=>{this.onError(e)}),t.on("exit",e=>{}),t}};var ki=class{constructor(t){L(this,"name","unnamed");L(this,"source");L(this,"url");L(this,"maxConcurrency",1);L(this,"maxMobileConcurrency",1);L(this,"onDebug",()=>{});L(this,"reuseWorkers",!0);L(this,"props",{});L(this,"jobQueue",[]);L(this,"idleQueue",[]);L(this,"count",0);L(this,"isDestroyed",!1);this.source=t.source,this.url=t.url,this.setProps(t)}static isSupported(){return ae.isSupported()}destroy(){this.idleQueue.forEach(t=>t.destroy()),this.isDestroyed=!0}setProps(t){this.props={...this.props,...t},t.name!==void 0&&(this.name=t.name),t.maxConcurrency!==void 0&&(this.maxConcurrency=t.maxConcurrency),t.maxMobileConcurrency!==void 0&&(this.maxMobileConcurrency=t.maxMobileConcurrency),t.reuseWorkers!==void 0&&(this.reuseWorkers=t.reuseWorkers),t.onDebug!==void 0&&(this.onDebug=t.onDebug)}async startJob(t,e=(r,o,s)=>r.done(s),n=(r,o)=>r.error(o)){let r=new Promise(o=>(this.jobQueue.push({name:t,onMessage:e,onError:n,onStart:o}),this));return this._startQueuedJob(),await r}async _startQueuedJob(){if(!this.jobQueue.length)return;let t=this._getAvailableWorker();if(!t)return;let e=this.jobQueue.shift();if(e){this.onDebug({message:"Starting job",name:e.name,workerThread:t,backlog:this.jobQueue.length});let n=new Oi(e.name,t);t.onMessage=r=>e.onMessage(n,r.type,r.payload),t.onError=r=>e.onError(n,r),e.onStart(n);try{await n.result}catch(r){console.error(`Worker exception: ${r}`)}finally{this.returnWorkerToQueue(t)}}}returnWorkerToQueue(t){!pt||this.isDestroyed||!this.reuseWorkers||this.count>this._getMaxConcurrency()?(t.destroy(),this.count--):this.idleQueue.push(t),this.isDestroyed||this._startQueuedJob()}_getAvailableWorker(){if(this.idleQueue.length>0)return this.idleQueue.shift()||null;if(this.count<this._getMaxConcurrency()){this.count++;let t=`${this.name.toLowerCase()} (#${this.count} of ${this.maxConcurrency})`;return new ae({name:t,source:this.source,url:this.url})}return null}_getMaxConcurrency(){return Qc?this.maxMobileConcurrency:this.maxConcurrency}};var vp={maxConcurrency:3,maxMobileConcurrency:1,reuseWorkers:!0,onDebug:()=>{}},ce=class ce{constructor(t){L(this,"props");L(this,"workerPools",new Map);this.props={...vp},this.setProps(t),this.workerPools=new Map}static isSupported(){return ae.isSupported()}static getWorkerFarm(t={}){return ce._workerFarm=ce._workerFarm||new ce({}),ce._workerFarm.setProps(t),ce._workerFarm}destroy(){for(let t of this.workerPools.values())t.destroy();this.workerPools=new Map}setProps(t){this.props={...this.props,...t};for(let e of this.workerPools.values())e.setProps(this._getWorkerPoolProps())}getWorkerPool(t){let{name:e,source:n,url:r}=t,o=this.workerPools.get(e);return o||(o=new ki({name:e,source:n,url:r}),o.setProps(this._getWorkerPoolProps()),this.workerPools.set(e,o)),o}_getWorkerPoolProps(){return{maxConcurrency:this.props.maxConcurrency,maxMobileConcurrency:this.props.maxMobileConcurrency,reuseWorkers:this.props.reuseWorkers,onDebug:this.props.onDebug}}};L(ce,"_workerFarm");var Ee=ce;function ds(i,t={}){let e=t[i.id]||{},n=pt?i.workerFile||`${i.id}-worker.js`:`${i.id}-worker-node.js`,r=e.workerUrl;if(!r&&i.id==="compression"&&(r=t.workerUrl),(t._workerType||t?.core?._workerType)==="test"&&(pt?r=`modules/${i.module}/dist/${n}`:r=`modules/${i.module}/src/workers/${i.id}-worker-node.ts`),!r){let s=i.version;s==="latest"&&(s=Xc);let a=s?`@${s}`:"";r=`https://unpkg.com/@loaders.gl/${i.module}${a}/dist/${n}`}return tt(r),r}function ps(i,t=Kc){tt(i,"no worker provided");let e=i.version;return!(!t||!e)}function gs(i,t){if(!Ee.isSupported())return!1;let e=t?._nodeWorkers??t?.core?._nodeWorkers;if(!pt&&!e)return!1;let n=t?.worker??t?.core?.worker;return!!(i.worker&&n)}async function ms(i,t,e,n,r){let o=i.id,s=ds(i,e),c=Ee.getWorkerFarm(e?.core).getWorkerPool({name:o,url:s});e=JSON.parse(JSON.stringify(e||{})),e._workerLoaderId=i.id,n=JSON.parse(JSON.stringify(n||{}));let l=await c.startJob("process-on-worker",_p.bind(null,r));return l.postMessage("process",{input:t,options:e,context:n}),await(await l.result).result}async function _p(i,t,e,n){switch(e){case"done":t.done(n);break;case"error":t.error(new Error(n.error));break;case"process":let{id:r,input:o,options:s}=n;try{let a=await i(o,s);t.postMessage("done",{id:r,result:a})}catch(a){let c=a instanceof Error?a.message:"unknown error";t.postMessage("error",{id:r,error:c})}break;default:console.warn(`parse-with-worker unknown message ${e}`)}}function ys(i,t,e){if(e=e||i.byteLength,i.byteLength<e||t.byteLength<e)return!1;let n=new Uint8Array(i),r=new Uint8Array(t);for(let o=0;o<n.length;++o)if(n[o]!==r[o])return!1;return!0}function xs(...i){return nl(i)}function nl(i){let t=i.map(o=>o instanceof ArrayBuffer?new Uint8Array(o):o),e=t.reduce((o,s)=>o+s.byteLength,0),n=new Uint8Array(e),r=0;for(let o of t)n.set(o,r),r+=o.byteLength;return n.buffer}async function vs(i){let t=[];for await(let e of i)t.push(Pp(e));return xs(...t)}function Pp(i){if(i instanceof ArrayBuffer)return i;if(ArrayBuffer.isView(i)){let{buffer:t,byteOffset:e,byteLength:n}=i;return rl(t,e,n)}return rl(i)}function rl(i,t=0,e=i.byteLength-t){let n=new Uint8Array(i,t,e),r=new Uint8Array(n.length);return r.set(n),r.buffer}var wp="",ol={};function _s(i){for(let t in ol)if(i.startsWith(t)){let e=ol[t];i=i.replace(t,e)}return!i.startsWith("http://")&&!i.startsWith("https://")&&(i=`${wp}${i}`),i}function br(i){return i&&typeof i=="object"&&i.isBuffer}function Xe(i){if(br(i))return i;if(i instanceof ArrayBuffer)return i;if(ss(i))return wr(i);if(ArrayBuffer.isView(i)){let t=i.buffer;return i.byteOffset===0&&i.byteLength===i.buffer.byteLength?t:t.slice(i.byteOffset,i.byteOffset+i.byteLength)}if(typeof i=="string"){let t=i;return new TextEncoder().encode(t).buffer}if(i&&typeof i=="object"&&i._toArrayBuffer)return i._toArrayBuffer();throw new Error("toArrayBuffer")}function Di(i){if(i instanceof ArrayBuffer)return i;if(ss(i))return wr(i);let{buffer:t,byteOffset:e,byteLength:n}=i;return t instanceof ArrayBuffer&&e===0&&n===t.byteLength?t:wr(t,e,n)}function wr(i,t=0,e=i.byteLength-t){let n=new Uint8Array(i,t,e),r=new Uint8Array(n.length);return r.set(n),r.buffer}function Ps(i){return ArrayBuffer.isView(i)?i:new Uint8Array(i)}var $t={};$e($t,{dirname:()=>Ep,filename:()=>bp,join:()=>Mp,resolve:()=>Sp});function sl(){if(typeof process<"u"&&typeof process.cwd<"u")return process.cwd();let i=window.location?.pathname;return i?.slice(0,i.lastIndexOf("/")+1)||""}function bp(i){let t=i?i.lastIndexOf("/"):-1;return t>=0?i.substr(t+1):i}function Ep(i){let t=i?i.lastIndexOf("/"):-1;return t>=0?i.substr(0,t):""}function Mp(...i){return i=i.map((e,n)=>(n&&(e=e.replace(new RegExp("^/"),"")),n!==i.length-1&&(e=e.replace(new RegExp("/$"),"")),e)),i.join("/")}function Sp(...i){let t=[];for(let o=0;o<i.length;o++)t[o]=i[o];let e="",n=!1,r;for(let o=t.length-1;o>=-1&&!n;o--){let s;o>=0?s=t[o]:(r===void 0&&(r=sl()),s=r),s.length!==0&&(e=`${s}/${e}`,n=s.charCodeAt(0)===zi)}return e=Cp(e,!n),n?`/${e}`:e.length>0?e:"."}var zi=47,ws=46;function Cp(i,t){let e="",n=-1,r=0,o,s=!1;for(let a=0;a<=i.length;++a){if(a<i.length)o=i.charCodeAt(a);else{if(o===zi)break;o=zi}if(o===zi){if(!(n===a-1||r===1))if(n!==a-1&&r===2){if(e.length<2||!s||e.charCodeAt(e.length-1)!==ws||e.charCodeAt(e.length-2)!==ws){if(e.length>2){let c=e.length-1,l=c;for(;l>=0&&e.charCodeAt(l)!==zi;--l);if(l!==c){e=l===-1?"":e.slice(0,l),n=a,r=0,s=!1;continue}}else if(e.length===2||e.length===1){e="",n=a,r=0,s=!1;continue}}t&&(e.length>0?e+="/..":e="..",s=!0)}else{let c=i.slice(n+1,a);e.length>0?e+=`/${c}`:e=c,s=!1}n=a,r=0}else o===ws&&r!==-1?++r:r=-1}return e}var Er=class extends Error{constructor(e,n){super(e);L(this,"reason");L(this,"url");L(this,"response");this.reason=n.reason,this.url=n.url,this.response=n.response}};var Ap=/^data:([-\w.]+\/[-\w.+]+)(;|,)/,Ip=/^([-\w.]+\/[-\w.+]+)/;function bs(i,t){return i.toLowerCase()===t.toLowerCase()}function al(i){let t=Ip.exec(i);return t?t[1]:i}function Es(i){let t=Ap.exec(i);return t?t[1]:""}var cl=/\?.*/;function ll(i){let t=i.match(cl);return t&&t[0]}function le(i){return i.replace(cl,"")}function fl(i){if(i.length<50)return i;let t=i.slice(i.length-15);return`${i.substr(0,32)}...${t}`}function Me(i){return ft(i)?i.url:ht(i)?("name"in i?i.name:"")||"":typeof i=="string"?i:""}function Ke(i){if(ft(i)){let t=i.headers.get("content-type")||"",e=le(i.url);return al(t)||Es(e)}return ht(i)?i.type||"":typeof i=="string"?Es(i):""}function hl(i){return ft(i)?i.headers["content-length"]||-1:ht(i)?i.size:typeof i=="string"?i.length:i instanceof ArrayBuffer||ArrayBuffer.isView(i)?i.byteLength:-1}async function Mr(i){if(ft(i))return i;let t={},e=hl(i);e>=0&&(t["content-length"]=String(e));let n=Me(i),r=Ke(i);r&&(t["content-type"]=r);let o=await Op(i);o&&(t["x-first-bytes"]=o),typeof i=="string"&&(i=new TextEncoder().encode(i));let s=new Response(i,{headers:t});return Object.defineProperty(s,"url",{value:n}),s}async function ul(i){if(!i.ok)throw await Rp(i)}async function Rp(i){let t=fl(i.url),e=`Failed to fetch resource (${i.status}) ${i.statusText}: ${t}`;e=e.length>100?`${e.slice(0,100)}...`:e;let n={reason:i.statusText,url:i.url,response:i};try{let r=i.headers.get("Content-Type");n.reason=!i.bodyUsed&&r?.includes("application/json")?await i.json():await i.text()}catch{}return new Er(e,n)}async function Op(i){if(typeof i=="string")return`data:,${i.slice(0,5)}`;if(i instanceof Blob){let e=i.slice(0,5);return await new Promise(n=>{let r=new FileReader;r.onload=o=>n(o?.target?.result),r.readAsDataURL(e)})}if(i instanceof ArrayBuffer){let e=i.slice(0,5);return`data:base64,${kp(e)}`}return null}function kp(i){let t="",e=new Uint8Array(i);for(let n=0;n<e.byteLength;n++)t+=String.fromCharCode(e[n]);return btoa(t)}function Dp(i){return!zp(i)&&!Np(i)}function zp(i){return i.startsWith("http:")||i.startsWith("https:")}function Np(i){return i.startsWith("data:")}async function Ms(i,t){if(typeof i=="string"){let e=_s(i);return Dp(e)&&globalThis.loaders?.fetchNode?globalThis.loaders?.fetchNode(e,t):await fetch(e,t)}return await Mr(i)}var Ni=new He({id:"loaders.gl"}),Sr=class{log(){return()=>{}}info(){return()=>{}}warn(){return()=>{}}error(){return()=>{}}},Cr=class{constructor(){L(this,"console");this.console=console}log(...t){return this.console.log.bind(this.console,...t)}info(...t){return this.console.info.bind(this.console,...t)}warn(...t){return this.console.warn.bind(this.console,...t)}error(...t){return this.console.error.bind(this.console,...t)}};var Tr={core:{baseUrl:void 0,fetch:null,mimeType:void 0,fallbackMimeType:void 0,ignoreRegisteredLoaders:void 0,nothrow:!1,log:new Cr,useLocalLibraries:!1,CDN:"https://unpkg.com/@loaders.gl",worker:!0,maxConcurrency:3,maxMobileConcurrency:1,reuseWorkers:be,_nodeWorkers:!1,_workerType:"",limit:0,_limitMB:0,batchSize:"auto",batchDebounceMs:0,metadata:!1,transforms:[]}},dl={baseUri:"core.baseUrl",fetch:"core.fetch",mimeType:"core.mimeType",fallbackMimeType:"core.fallbackMimeType",ignoreRegisteredLoaders:"core.ignoreRegisteredLoaders",nothrow:"core.nothrow",log:"core.log",useLocalLibraries:"core.useLocalLibraries",CDN:"core.CDN",worker:"core.worker",maxConcurrency:"core.maxConcurrency",maxMobileConcurrency:"core.maxMobileConcurrency",reuseWorkers:"core.reuseWorkers",_nodeWorkers:"core.nodeWorkers",_workerType:"core._workerType",_worker:"core._workerType",limit:"core.limit",_limitMB:"core._limitMB",batchSize:"core.batchSize",batchDebounceMs:"core.batchDebounceMs",metadata:"core.metadata",transforms:"core.transforms",throws:"nothrow",dataType:"(no longer used)",uri:"core.baseUrl",method:"core.fetch.method",headers:"core.fetch.headers",body:"core.fetch.body",mode:"core.fetch.mode",credentials:"core.fetch.credentials",cache:"core.fetch.cache",redirect:"core.fetch.redirect",referrer:"core.fetch.referrer",referrerPolicy:"core.fetch.referrerPolicy",integrity:"core.fetch.integrity",keepalive:"core.fetch.keepalive",signal:"core.fetch.signal"};var Ss=["baseUrl","fetch","mimeType","fallbackMimeType","ignoreRegisteredLoaders","nothrow","log","useLocalLibraries","CDN","worker","maxConcurrency","maxMobileConcurrency","reuseWorkers","_nodeWorkers","_workerType","limit","_limitMB","batchSize","batchDebounceMs","metadata","transforms"];function Cs(){globalThis.loaders=globalThis.loaders||{};let{loaders:i}=globalThis;return i._state||(i._state={}),i._state}function Ts(){let i=Cs();return i.globalOptions=i.globalOptions||{...Tr,core:{...Tr.core}},Ht(i.globalOptions)}function ml(i,t,e,n){return e=e||[],e=Array.isArray(e)?e:[e],Bp(i,e),Ht(Vp(t,i,n))}function Ht(i){let t=Fp(i);yl(t);for(let e of Ss)t.core&&t.core[e]!==void 0&&delete t[e];return t.core&&t.core._workerType!==void 0&&delete t._worker,t}function Bp(i,t){pl(i,null,Tr,dl,t);for(let e of t){let n=i&&i[e.id]||{},r=e.options&&e.options[e.id]||{},o=e.deprecatedOptions&&e.deprecatedOptions[e.id]||{};pl(n,e.id,r,o,t)}}function pl(i,t,e,n,r){let o=t||"Top level",s=t?`${t}.`:"";for(let a in i){let c=!t&&Ot(i[a]),l=a==="baseUri"&&!t,f=a==="workerUrl"&&t;if(!(a in e)&&!l&&!f){if(a in n)Ni.level>0&&Ni.warn(`${o} loader option '${s}${a}' no longer supported, use '${n[a]}'`)();else if(!c&&Ni.level>0){let h=jp(a,r);Ni.warn(`${o} loader option '${s}${a}' not recognized. ${h}`)()}}}}function jp(i,t){let e=i.toLowerCase(),n="";for(let r of t)for(let o in r.options){if(i===o)return`Did you mean '${r.id}.${o}'?`;let s=o.toLowerCase();(e.startsWith(s)||s.startsWith(e))&&(n=n||`Did you mean '${r.id}.${o}'?`)}return n}function Vp(i,t,e){let n=i.options||{},r={...n};n.core&&(r.core={...n.core}),yl(r),r.core?.log===null&&(r.core={...r.core,log:new Sr}),gl(r,Ht(Ts()));let o=Ht(t);return gl(r,o),Up(r,e),Gp(r),r}function gl(i,t){for(let e in t)if(e in t){let n=t[e];Pr(n)&&Pr(i[e])?i[e]={...i[e],...t[e]}:i[e]=t[e]}}function Up(i,t){if(!t)return;i.core?.baseUrl!==void 0||(i.core||(i.core={}),i.core.baseUrl=$t.dirname(le(t)))}function Fp(i){let t={...i};return i.core&&(t.core={...i.core}),t}function yl(i){i.baseUri!==void 0&&(i.core||(i.core={}),i.core.baseUrl===void 0&&(i.core.baseUrl=i.baseUri));for(let e of Ss)if(i[e]!==void 0){let r=i.core=i.core||{};r[e]===void 0&&(r[e]=i[e])}let t=i._worker;t!==void 0&&(i.core||(i.core={}),i.core._workerType===void 0&&(i.core._workerType=t))}function Gp(i){let t=i.core;if(t)for(let e of Ss)t[e]!==void 0&&(i[e]=t[e])}function Bi(i){return i?(Array.isArray(i)&&(i=i[0]),Array.isArray(i?.extensions)):!1}function ji(i){se(i,"null loader"),se(Bi(i),"invalid loader");let t;return Array.isArray(i)&&(t=i[1],i=i[0],i={...i,options:{...i.options,...t}}),(i?.parseTextSync||i?.parseText)&&(i.text=!0),i.text||(i.binary=!0),i}var xl=()=>{let i=Cs();return i.loaderRegistry=i.loaderRegistry||[],i.loaderRegistry};function Ls(i){let t=xl();i=Array.isArray(i)?i:[i];for(let e of i){let n=ji(e);t.find(r=>n===r)||t.unshift(n)}}function vl(){return xl()}var Wp=/\.([^.]+)$/;async function wl(i,t=[],e,n){if(!bl(i))return null;let r=Ht(e||{});if(r.core||(r.core={}),i instanceof Response&&_l(i)){let s=await i.clone().text(),a=Lr(s,t,{...r,core:{...r.core,nothrow:!0}},n);if(a)return a}let o=Lr(i,t,{...r,core:{...r.core,nothrow:!0}},n);if(o)return o;if(ht(i)&&(i=await i.slice(0,10).arrayBuffer(),o=Lr(i,t,r,n)),!o&&i instanceof Response&&_l(i)){let s=await i.clone().text();o=Lr(s,t,r,n)}if(!o&&!r.core.nothrow)throw new Error(El(i));return o}function _l(i){let t=Ke(i);return!!(t&&(t.startsWith("text/")||t==="application/json"||t.endsWith("+json")))}function Lr(i,t=[],e,n){if(!bl(i))return null;let r=Ht(e||{});if(r.core||(r.core={}),t&&!Array.isArray(t))return ji(t);let o=[];t&&(o=o.concat(t)),r.core.ignoreRegisteredLoaders||o.push(...vl()),$p(o);let s=Yp(i,o,r,n);if(!s&&!r.core.nothrow)throw new Error(El(i));return s}function Yp(i,t,e,n){let r=Me(i),o=Ke(i),s=le(r)||n?.url,a=null,c="";return e?.core?.mimeType&&(a=As(t,e?.core?.mimeType),c=`match forced by supplied MIME type ${e?.core?.mimeType}`),a=a||Hp(t,s),c=c||(a?`matched url ${s}`:""),a=a||As(t,o),c=c||(a?`matched MIME type ${o}`:""),a=a||qp(t,i),c=c||(a?`matched initial data ${Ml(i)}`:""),e?.core?.fallbackMimeType&&(a=a||As(t,e?.core?.fallbackMimeType),c=c||(a?`matched fallback MIME type ${o}`:"")),c&&os.log(1,`selectLoader selected ${a?.name}: ${c}.`),a}function bl(i){return!(i instanceof Response&&i.status===204)}function El(i){let t=Me(i),e=Ke(i),n="No valid loader found (";n+=t?`${$t.filename(t)}, `:"no url provided, ",n+=`MIME type: ${e?`"${e}"`:"not provided"}, `;let r=i?Ml(i):"";return n+=r?` first bytes: "${r}"`:"first bytes: not available",n+=")",n}function $p(i){for(let t of i)ji(t)}function Hp(i,t){let e=t&&Wp.exec(t),n=e&&e[1];return n?Zp(i,n):null}function Zp(i,t){t=t.toLowerCase();for(let e of i)for(let n of e.extensions)if(n.toLowerCase()===t)return e;return null}function As(i,t){for(let e of i)if(e.mimeTypes?.some(n=>bs(t,n))||bs(t,`application/x.${e.id}`))return e;return null}function qp(i,t){if(!t)return null;for(let e of i)if(typeof t=="string"){if(Xp(t,e))return e}else if(ArrayBuffer.isView(t)){if(Pl(t.buffer,t.byteOffset,e))return e}else if(t instanceof ArrayBuffer&&Pl(t,0,e))return e;return null}function Xp(i,t){return t.testText?t.testText(i):(Array.isArray(t.tests)?t.tests:[t.tests]).some(n=>i.startsWith(n))}function Pl(i,t,e){return(Array.isArray(e.tests)?e.tests:[e.tests]).some(r=>Kp(i,t,e,r))}function Kp(i,t,e,n){if(Ze(n))return ys(n,i,n.byteLength);switch(typeof n){case"function":return n(Di(i));case"string":let r=Is(i,t,n.length);return n===r;default:return!1}}function Ml(i,t=5){return typeof i=="string"?i.slice(0,t):ArrayBuffer.isView(i)?Is(i.buffer,i.byteOffset,t):i instanceof ArrayBuffer?Is(i,0,t):""}function Is(i,t,e){if(i.byteLength<t+e)return"";let n=new DataView(i),r="";for(let o=0;o<e;o++)r+=String.fromCharCode(n.getUint8(t+o));return r}var Jp=256*1024;function*Sl(i,t){let e=t?.chunkSize||Jp,n=0,r=new TextEncoder;for(;n<i.length;){let o=Math.min(i.length-n,e),s=i.slice(n,n+o);n+=o,yield Di(r.encode(s))}}function*Cl(i,t={}){let{chunkSize:e=262144}=t,n=0;for(;n<i.byteLength;){let r=Math.min(i.byteLength-n,e),o=new ArrayBuffer(r),s=new Uint8Array(i,n,r);new Uint8Array(o).set(s),n+=r,yield o}}async function*Tl(i,t){let e=t?.chunkSize||1048576,n=0;for(;n<i.size;){let r=n+e,o=await i.slice(n,r).arrayBuffer();n=r,yield o}}function Rs(i,t){return be?Qp(i,t):tg(i,t)}async function*Qp(i,t){let e=i.getReader(),n;try{for(;;){let r=n||e.read();t?._streamReadAhead&&(n=e.read());let{done:o,value:s}=await r;if(o)return;yield Xe(s)}}catch{e.releaseLock()}}async function*tg(i,t){for await(let e of i)yield Xe(e)}function Ll(i,t){if(typeof i=="string")return Sl(i,t);if(i instanceof ArrayBuffer)return Cl(i,t);if(ht(i))return Tl(i,t);if(Ri(i))return Rs(i,t);if(ft(i)){let e=i.body;if(!e)throw new Error("Readable stream not available on Response");return Rs(e,t)}throw new Error("makeIterator")}var Al="Cannot convert supplied data type";function eg(i,t,e){if(t.text&&typeof i=="string")return i;if(br(i)&&(i=i.buffer),Ze(i)){let n=Ps(i);return t.text&&!t.binary?new TextDecoder("utf8").decode(n):Xe(n)}throw new Error(Al)}async function Il(i,t,e){if(typeof i=="string"||Ze(i))return eg(i,t,e);if(ht(i)&&(i=await Mr(i)),ft(i))return await ul(i),t.binary?await i.arrayBuffer():await i.text();if(Ri(i)&&(i=Ll(i,e)),as(i)||cs(i))return vs(i);throw new Error(Al)}function Ar(i,t){let e=Ts(),n=i||e,r=n.fetch??n.core?.fetch;return typeof r=="function"?r:Ot(r)?o=>Ms(o,r):t?.fetch?t?.fetch:Ms}function Rl(i,t,e){if(e)return e;let n={fetch:Ar(t,i),...i};if(n.url){let r=le(n.url);n.baseUrl=r,n.queryString=ll(n.url),n.filename=$t.filename(r),n.baseUrl=$t.dirname(r)}return Array.isArray(n.loaders)||(n.loaders=null),n}function Ol(i,t){if(i&&!Array.isArray(i))return i;let e;if(i&&(e=Array.isArray(i)?i:[i]),t&&t.loaders){let n=Array.isArray(t.loaders)?t.loaders:[t.loaders];e=e?[...e,...n]:n}return e&&e.length?e:void 0}async function Vi(i,t,e,n){t&&!Array.isArray(t)&&!Bi(t)&&(n=void 0,e=t,t=void 0),i=await i,e=e||{};let r=Me(i),s=Ol(t,n),a=await wl(i,s,e);if(!a)return null;let c=ml(e,a,s,r);return n=Rl({url:r,_parse:Vi,loaders:s},c,n||null),await ig(a,i,c,n)}async function ig(i,t,e,n){if(ps(i),e=ls(i.options,e),ft(t)){let{ok:o,redirected:s,status:a,statusText:c,type:l,url:f}=t,h=Object.fromEntries(t.headers.entries());n.response={headers:h,ok:o,redirected:s,status:a,statusText:c,type:l,url:f}}t=await Il(t,i,e);let r=i;if(r.parseTextSync&&typeof t=="string")return r.parseTextSync(t,e,n);if(gs(i,e))return await ms(i,t,e,n,Vi);if(r.parseText&&typeof t=="string")return await r.parseText(t,e,n);if(r.parse)return await r.parse(t,e,n);throw tt(!r.parseSync),new Error(`${i.id} loader - no parser found and worker is disabled`)}async function fe(i,t,e,n){let r,o;!Array.isArray(t)&&!Bi(t)?(r=[],o=t,n=void 0):(r=t,o=e);let s=Ar(o),a=i;return typeof i=="string"&&(a=await s(i)),ht(i)&&(a=await s(i)),typeof i=="string"&&(Ht(o||{}).core?.baseUrl||(o={...o,core:{...o?.core,baseUrl:i}})),Array.isArray(r)?await Vi(a,r,o):await Vi(a,r,o)}var kl="4.5.4";var ng=globalThis.loaders?.parseImageNode,Os=typeof Image<"u",ks=typeof ImageBitmap<"u",rg=!!ng,Ds=be?!0:rg;function Dl(i){switch(i){case"auto":return ks||Os||Ds;case"imagebitmap":return ks;case"image":return Os;case"data":return Ds;default:throw new Error(`@loaders.gl/images: image ${i} not supported in this environment`)}}function zl(){if(ks)return"imagebitmap";if(Os)return"image";if(Ds)return"data";throw new Error("Install '@loaders.gl/polyfills' to parse images under Node.js")}function og(i){let t=sg(i);if(!t)throw new Error("Not an image");return t}function Nl(i){switch(og(i)){case"data":return i;case"image":case"imagebitmap":let t=document.createElement("canvas"),e=t.getContext("2d");if(!e)throw new Error("getImageData");return t.width=i.width,t.height=i.height,e.drawImage(i,0,0),e.getImageData(0,0,i.width,i.height);default:throw new Error("getImageData")}}function sg(i){return typeof ImageBitmap<"u"&&i instanceof ImageBitmap?"imagebitmap":typeof Image<"u"&&i instanceof Image?"image":i&&typeof i=="object"&&i.data&&i.width&&i.height?"data":null}var ag=/^data:image\/svg\+xml/,cg=/\.svg((\?|#).*)?$/;function Ir(i){return i&&(ag.test(i)||cg.test(i))}function Bl(i,t){if(Ir(t)){let n=new TextDecoder().decode(i);try{typeof unescape=="function"&&typeof encodeURIComponent=="function"&&(n=unescape(encodeURIComponent(n)))}catch(o){throw new Error(o.message)}return`data:image/svg+xml;base64,${btoa(n)}`}return zs(i,t)}function zs(i,t){if(Ir(t))throw new Error("SVG cannot be parsed directly to imagebitmap");return new Blob([new Uint8Array(i)])}async function Rr(i,t,e){let n=Bl(i,e),r=self.URL||self.webkitURL,o=typeof n!="string"&&r.createObjectURL(n);try{return await lg(o||n,t)}finally{o&&r.revokeObjectURL(o)}}async function lg(i,t){let e=new Image;return e.src=i,t.image&&t.image.decode&&e.decode?(await e.decode(),e):await new Promise((n,r)=>{try{e.onload=()=>n(e),e.onerror=o=>{let s=o instanceof Error?o.message:"error";r(new Error(s))}}catch(o){r(o)}})}var jl=!0;async function Vl(i,t,e){let n;Ir(e)?n=await Rr(i,t,e):n=zs(i,e);let r=t&&t.imagebitmap;return await fg(n,r)}async function fg(i,t=null){if((hg(t)||!jl)&&(t=null),t)try{return await createImageBitmap(i,t)}catch(e){console.warn(e),jl=!1}return await createImageBitmap(i)}function hg(i){if(!i)return!0;for(let t in i)if(Object.prototype.hasOwnProperty.call(i,t))return!1;return!0}function Ul(i){return!gg(i,"ftyp",4)||(i[8]&96)===0?null:ug(i)}function ug(i){switch(dg(i,8,12).replace("\0"," ").trim()){case"avif":case"avis":return{extension:"avif",mimeType:"image/avif"};default:return null}}function dg(i,t,e){return String.fromCharCode(...i.slice(t,e))}function pg(i){return[...i].map(t=>t.charCodeAt(0))}function gg(i,t,e=0){let n=pg(t);for(let r=0;r<n.length;++r)if(n[r]!==i[r+e])return!1;return!0}var Dt=!1,Ui=!0;function Or(i){let t=Fi(i);return yg(t)||_g(t)||xg(t)||vg(t)||mg(t)}function mg(i){let t=new Uint8Array(i instanceof DataView?i.buffer:i),e=Ul(t);return e?{mimeType:e.mimeType,width:0,height:0}:null}function yg(i){let t=Fi(i);return t.byteLength>=24&&t.getUint32(0,Dt)===2303741511?{mimeType:"image/png",width:t.getUint32(16,Dt),height:t.getUint32(20,Dt)}:null}function xg(i){let t=Fi(i);return t.byteLength>=10&&t.getUint32(0,Dt)===1195984440?{mimeType:"image/gif",width:t.getUint16(6,Ui),height:t.getUint16(8,Ui)}:null}function vg(i){let t=Fi(i);return t.byteLength>=14&&t.getUint16(0,Dt)===16973&&t.getUint32(2,Ui)===t.byteLength?{mimeType:"image/bmp",width:t.getUint32(18,Ui),height:t.getUint32(22,Ui)}:null}function _g(i){let t=Fi(i);if(!(t.byteLength>=3&&t.getUint16(0,Dt)===65496&&t.getUint8(2)===255))return null;let{tableMarkers:n,sofMarkers:r}=Pg(),o=2;for(;o+9<t.byteLength;){let s=t.getUint16(o,Dt);if(r.has(s))return{mimeType:"image/jpeg",height:t.getUint16(o+5,Dt),width:t.getUint16(o+7,Dt)};if(!n.has(s))return null;o+=2,o+=t.getUint16(o,Dt)}return null}function Pg(){let i=new Set([65499,65476,65484,65501,65534]);for(let e=65504;e<65520;++e)i.add(e);return{tableMarkers:i,sofMarkers:new Set([65472,65473,65474,65475,65477,65478,65479,65481,65482,65483,65485,65486,65487,65502])}}function Fi(i){if(i instanceof DataView)return i;if(ArrayBuffer.isView(i))return new DataView(i.buffer);if(i instanceof ArrayBuffer)return new DataView(i);throw new Error("toDataView")}async function Fl(i,t){let{mimeType:e}=Or(i)||{},n=globalThis.loaders?.parseImageNode;return se(n),await n(i,e)}async function Gl(i,t,e){t=t||{};let r=(t.image||{}).type||"auto",{url:o}=e||{},s=wg(r),a;switch(s){case"imagebitmap":a=await Vl(i,t,o);break;case"image":a=await Rr(i,t,o);break;case"data":a=await Fl(i,t);break;default:se(!1)}return r==="data"&&(a=Nl(a)),a}function wg(i){switch(i){case"auto":case"data":return zl();default:return Dl(i),i}}var bg=["png","jpg","jpeg","gif","webp","bmp","ico","svg","avif"],Eg=["image/png","image/jpeg","image/gif","image/webp","image/avif","image/bmp","image/vnd.microsoft.icon","image/svg+xml"],Mg={image:{type:"auto",decode:!0}},Ns={dataType:null,batchType:null,id:"image",module:"images",name:"Images",version:kl,mimeTypes:Eg,extensions:bg,parse:Gl,tests:[i=>!!Or(new DataView(i))],options:Mg};var Sg=new He({id:"deck"}),I=Sg;var Bs={};function Wl(i){Bs=i}function G(i,t,e,n){I.level>0&&Bs[i]&&Bs[i].call(null,t,e,n)}function Cg(i){let t=i[0],e=i[i.length-1];return t==="{"&&e==="}"||t==="["&&e==="]"}var Yl={dataType:null,batchType:null,id:"JSON",name:"JSON",module:"",version:"",options:{},extensions:["json","geojson"],mimeTypes:["application/json","application/geo+json"],testText:Cg,parseTextSync:JSON.parse};function Tg(){let i="9.4.0",t=globalThis.deck&&globalThis.deck.VERSION;if(t&&t!==i)throw new Error(`deck.gl - multiple versions detected: ${t} vs ${i}`);return t||(I.log(1,`deck.gl ${i}`)(),globalThis.deck={...globalThis.deck,VERSION:i,version:i,log:I,_registerLoggers:Wl},Ls([Yl,[Ns,{imagebitmap:{premultiplyAlpha:"none"}}]])),i}var $l=Tg();var BE=1/Math.PI*180,jE=1/180*Math.PI,Lg={EPSILON:1e-12,debug:!1,precision:4,printTypes:!1,printDegrees:!1,printRowMajor:!0,_cartographicRadians:!1};globalThis.mathgl=globalThis.mathgl||{config:{...Lg}};var Y=globalThis.mathgl.config;function js(i,{precision:t=Y.precision}={}){return i=Ag(i),`${parseFloat(i.toPrecision(t))}`}function Pt(i){return Array.isArray(i)||ArrayBuffer.isView(i)&&!(i instanceof DataView)}function B(i,t,e){return Rg(i,n=>Math.max(t,Math.min(e,n)))}function Se(i,t,e){return Pt(i)?i.map((n,r)=>Se(n,t[r],e)):e*t+(1-e)*i}function zt(i,t,e){let n=Y.EPSILON;e&&(Y.EPSILON=e);try{if(i===t)return!0;if(Pt(i)&&Pt(t)){if(i.length!==t.length)return!1;for(let r=0;r<i.length;++r)if(!zt(i[r],t[r]))return!1;return!0}return i&&i.equals?i.equals(t):t&&t.equals?t.equals(i):typeof i=="number"&&typeof t=="number"?Math.abs(i-t)<=Y.EPSILON*Math.max(1,Math.abs(i),Math.abs(t)):!1}finally{Y.EPSILON=n}}function Ag(i){return Math.round(i/Y.EPSILON)*Y.EPSILON}function Ig(i){return i.clone?i.clone():new Array(i.length)}function Rg(i,t,e){if(Pt(i)){let n=i;e=e||Ig(n);for(let r=0;r<e.length&&r<n.length;++r){let o=typeof i=="number"?i:i[r];e[r]=t(o,r,e)}return e}return t(i)}var he=class extends Array{clone(){return new this.constructor().copy(this)}fromArray(t,e=0){for(let n=0;n<this.ELEMENTS;++n)this[n]=t[n+e];return this.check()}toArray(t=[],e=0){for(let n=0;n<this.ELEMENTS;++n)t[e+n]=this[n];return t}toObject(t){return t}from(t){return Array.isArray(t)?this.copy(t):this.fromObject(t)}to(t){return t===this?this:Pt(t)?this.toArray(t):this.toObject(t)}toTarget(t){return t?this.to(t):this}toFloat32Array(){return new Float32Array(this)}toString(){return this.formatString(Y)}formatString(t){let e="";for(let n=0;n<this.ELEMENTS;++n)e+=(n>0?", ":"")+js(this[n],t);return`${t.printTypes?this.constructor.name:""}[${e}]`}equals(t){if(!t||this.length!==t.length)return!1;for(let e=0;e<this.ELEMENTS;++e)if(!zt(this[e],t[e]))return!1;return!0}exactEquals(t){if(!t||this.length!==t.length)return!1;for(let e=0;e<this.ELEMENTS;++e)if(this[e]!==t[e])return!1;return!0}negate(){for(let t=0;t<this.ELEMENTS;++t)this[t]=-this[t];return this.check()}lerp(t,e,n){if(n===void 0)return this.lerp(this,t,e);for(let r=0;r<this.ELEMENTS;++r){let o=t[r],s=typeof e=="number"?e:e[r];this[r]=o+n*(s-o)}return this.check()}min(t){for(let e=0;e<this.ELEMENTS;++e)this[e]=Math.min(t[e],this[e]);return this.check()}max(t){for(let e=0;e<this.ELEMENTS;++e)this[e]=Math.max(t[e],this[e]);return this.check()}clamp(t,e){for(let n=0;n<this.ELEMENTS;++n)this[n]=Math.min(Math.max(this[n],t[n]),e[n]);return this.check()}add(...t){for(let e of t)for(let n=0;n<this.ELEMENTS;++n)this[n]+=e[n];return this.check()}subtract(...t){for(let e of t)for(let n=0;n<this.ELEMENTS;++n)this[n]-=e[n];return this.check()}scale(t){if(typeof t=="number")for(let e=0;e<this.ELEMENTS;++e)this[e]*=t;else for(let e=0;e<this.ELEMENTS&&e<t.length;++e)this[e]*=t[e];return this.check()}multiplyByScalar(t){for(let e=0;e<this.ELEMENTS;++e)this[e]*=t;return this.check()}check(){if(Y.debug&&!this.validate())throw new Error(`math.gl: ${this.constructor.name} some fields set to invalid numbers'`);return this}validate(){let t=this.length===this.ELEMENTS;for(let e=0;e<this.ELEMENTS;++e)t=t&&Number.isFinite(this[e]);return t}sub(t){return this.subtract(t)}setScalar(t){for(let e=0;e<this.ELEMENTS;++e)this[e]=t;return this.check()}addScalar(t){for(let e=0;e<this.ELEMENTS;++e)this[e]+=t;return this.check()}subScalar(t){return this.addScalar(-t)}multiplyScalar(t){for(let e=0;e<this.ELEMENTS;++e)this[e]*=t;return this.check()}divideScalar(t){return this.multiplyByScalar(1/t)}clampScalar(t,e){for(let n=0;n<this.ELEMENTS;++n)this[n]=Math.min(Math.max(this[n],t),e);return this.check()}get elements(){return this}};function Og(i,t){if(i.length!==t)return!1;for(let e=0;e<i.length;++e)if(!Number.isFinite(i[e]))return!1;return!0}function N(i){if(!Number.isFinite(i))throw new Error(`Invalid number ${JSON.stringify(i)}`);return i}function Je(i,t,e=""){if(Y.debug&&!Og(i,t))throw new Error(`math.gl: ${e} some fields set to invalid numbers'`);return i}function Vs(i,t){if(!i)throw new Error(`math.gl assertion ${t}`)}var Qe=class extends he{get x(){return this[0]}set x(t){this[0]=N(t)}get y(){return this[1]}set y(t){this[1]=N(t)}len(){return Math.sqrt(this.lengthSquared())}magnitude(){return this.len()}lengthSquared(){let t=0;for(let e=0;e<this.ELEMENTS;++e)t+=this[e]*this[e];return t}magnitudeSquared(){return this.lengthSquared()}distance(t){return Math.sqrt(this.distanceSquared(t))}distanceSquared(t){let e=0;for(let n=0;n<this.ELEMENTS;++n){let r=this[n]-t[n];e+=r*r}return N(e)}dot(t){let e=0;for(let n=0;n<this.ELEMENTS;++n)e+=this[n]*t[n];return N(e)}normalize(){let t=this.magnitude();if(t!==0)for(let e=0;e<this.ELEMENTS;++e)this[e]/=t;return this.check()}multiply(...t){for(let e of t)for(let n=0;n<this.ELEMENTS;++n)this[n]*=e[n];return this.check()}divide(...t){for(let e of t)for(let n=0;n<this.ELEMENTS;++n)this[n]/=e[n];return this.check()}lengthSq(){return this.lengthSquared()}distanceTo(t){return this.distance(t)}distanceToSquared(t){return this.distanceSquared(t)}getComponent(t){return Vs(t>=0&&t<this.ELEMENTS,"index is out of range"),N(this[t])}setComponent(t,e){return Vs(t>=0&&t<this.ELEMENTS,"index is out of range"),this[t]=e,this.check()}addVectors(t,e){return this.copy(t).add(e)}subVectors(t,e){return this.copy(t).subtract(e)}multiplyVectors(t,e){return this.copy(t).multiply(e)}addScaledVector(t,e){return this.add(new this.constructor(t).multiplyScalar(e))}};var wt={};$e(wt,{add:()=>Bg,angle:()=>nm,ceil:()=>jg,clone:()=>kg,copy:()=>zg,create:()=>Hl,cross:()=>Xg,dist:()=>um,distance:()=>Kl,div:()=>hm,divide:()=>Xl,dot:()=>qg,equals:()=>am,exactEquals:()=>sm,floor:()=>Vg,forEach:()=>gm,fromValues:()=>Dg,inverse:()=>Hg,len:()=>cm,length:()=>Ql,lerp:()=>Kg,max:()=>Fg,min:()=>Ug,mul:()=>fm,multiply:()=>ql,negate:()=>$g,normalize:()=>Zg,random:()=>Jg,rotate:()=>im,round:()=>Gg,scale:()=>Wg,scaleAndAdd:()=>Yg,set:()=>Ng,sqrDist:()=>dm,sqrLen:()=>pm,squaredDistance:()=>Jl,squaredLength:()=>tf,str:()=>om,sub:()=>lm,subtract:()=>Zl,transformMat2:()=>Qg,transformMat2d:()=>tm,transformMat3:()=>em,transformMat4:()=>Us,zero:()=>rm});var V=typeof Float32Array<"u"?Float32Array:Array,Nt=Math.random;function gt(i){return i>=0?Math.round(i):i%.5===0?Math.floor(i):Math.round(i)}var XE=Math.PI/180;function Hl(){let i=new V(2);return V!=Float32Array&&(i[0]=0,i[1]=0),i}function kg(i){let t=new V(2);return t[0]=i[0],t[1]=i[1],t}function Dg(i,t){let e=new V(2);return e[0]=i,e[1]=t,e}function zg(i,t){return i[0]=t[0],i[1]=t[1],i}function Ng(i,t,e){return i[0]=t,i[1]=e,i}function Bg(i,t,e){return i[0]=t[0]+e[0],i[1]=t[1]+e[1],i}function Zl(i,t,e){return i[0]=t[0]-e[0],i[1]=t[1]-e[1],i}function ql(i,t,e){return i[0]=t[0]*e[0],i[1]=t[1]*e[1],i}function Xl(i,t,e){return i[0]=t[0]/e[0],i[1]=t[1]/e[1],i}function jg(i,t){return i[0]=Math.ceil(t[0]),i[1]=Math.ceil(t[1]),i}function Vg(i,t){return i[0]=Math.floor(t[0]),i[1]=Math.floor(t[1]),i}function Ug(i,t,e){return i[0]=Math.min(t[0],e[0]),i[1]=Math.min(t[1],e[1]),i}function Fg(i,t,e){return i[0]=Math.max(t[0],e[0]),i[1]=Math.max(t[1],e[1]),i}function Gg(i,t){return i[0]=gt(t[0]),i[1]=gt(t[1]),i}function Wg(i,t,e){return i[0]=t[0]*e,i[1]=t[1]*e,i}function Yg(i,t,e,n){return i[0]=t[0]+e[0]*n,i[1]=t[1]+e[1]*n,i}function Kl(i,t){let e=t[0]-i[0],n=t[1]-i[1];return Math.sqrt(e*e+n*n)}function Jl(i,t){let e=t[0]-i[0],n=t[1]-i[1];return e*e+n*n}function Ql(i){let t=i[0],e=i[1];return Math.sqrt(t*t+e*e)}function tf(i){let t=i[0],e=i[1];return t*t+e*e}function $g(i,t){return i[0]=-t[0],i[1]=-t[1],i}function Hg(i,t){return i[0]=1/t[0],i[1]=1/t[1],i}function Zg(i,t){let e=t[0],n=t[1],r=e*e+n*n;return r>0&&(r=1/Math.sqrt(r)),i[0]=t[0]*r,i[1]=t[1]*r,i}function qg(i,t){return i[0]*t[0]+i[1]*t[1]}function Xg(i,t,e){let n=t[0]*e[1]-t[1]*e[0];return i[0]=i[1]=0,i[2]=n,i}function Kg(i,t,e,n){let r=t[0],o=t[1];return i[0]=r+n*(e[0]-r),i[1]=o+n*(e[1]-o),i}function Jg(i,t){t=t===void 0?1:t;let e=Nt()*2*Math.PI;return i[0]=Math.cos(e)*t,i[1]=Math.sin(e)*t,i}function Qg(i,t,e){let n=t[0],r=t[1];return i[0]=e[0]*n+e[2]*r,i[1]=e[1]*n+e[3]*r,i}function tm(i,t,e){let n=t[0],r=t[1];return i[0]=e[0]*n+e[2]*r+e[4],i[1]=e[1]*n+e[3]*r+e[5],i}function em(i,t,e){let n=t[0],r=t[1];return i[0]=e[0]*n+e[3]*r+e[6],i[1]=e[1]*n+e[4]*r+e[7],i}function Us(i,t,e){let n=t[0],r=t[1];return i[0]=e[0]*n+e[4]*r+e[12],i[1]=e[1]*n+e[5]*r+e[13],i}function im(i,t,e,n){let r=t[0]-e[0],o=t[1]-e[1],s=Math.sin(n),a=Math.cos(n);return i[0]=r*a-o*s+e[0],i[1]=r*s+o*a+e[1],i}function nm(i,t){let e=i[0],n=i[1],r=t[0],o=t[1],s=Math.sqrt((e*e+n*n)*(r*r+o*o)),a=s&&(e*r+n*o)/s;return Math.acos(Math.min(Math.max(a,-1),1))}function rm(i){return i[0]=0,i[1]=0,i}function om(i){return`vec2(${i[0]}, ${i[1]})`}function sm(i,t){return i[0]===t[0]&&i[1]===t[1]}function am(i,t){let e=i[0],n=i[1],r=t[0],o=t[1];return Math.abs(e-r)<=1e-6*Math.max(1,Math.abs(e),Math.abs(r))&&Math.abs(n-o)<=1e-6*Math.max(1,Math.abs(n),Math.abs(o))}var cm=Ql,lm=Zl,fm=ql,hm=Xl,um=Kl,dm=Jl,pm=tf,gm=(function(){let i=Hl();return function(t,e,n,r,o,s){let a,c;for(e||(e=2),n||(n=0),r?c=Math.min(r*e+n,t.length):c=t.length,a=n;a<c;a+=e)i[0]=t[a],i[1]=t[a+1],o(i,i,s),t[a]=i[0],t[a+1]=i[1];return t}})();function ef(i,t,e){let n=t[0],r=t[1],o=e[3]*n+e[7]*r||1;return i[0]=(e[0]*n+e[4]*r)/o,i[1]=(e[1]*n+e[5]*r)/o,i}function kr(i,t,e){let n=t[0],r=t[1],o=t[2],s=e[3]*n+e[7]*r+e[11]*o||1;return i[0]=(e[0]*n+e[4]*r+e[8]*o)/s,i[1]=(e[1]*n+e[5]*r+e[9]*o)/s,i[2]=(e[2]*n+e[6]*r+e[10]*o)/s,i}function nf(i,t,e){let n=t[0],r=t[1];return i[0]=e[0]*n+e[2]*r,i[1]=e[1]*n+e[3]*r,i[2]=t[2],i}function rf(i,t,e){let n=t[0],r=t[1];return i[0]=e[0]*n+e[2]*r,i[1]=e[1]*n+e[3]*r,i[2]=t[2],i[3]=t[3],i}function of(i,t,e){let n=t[0],r=t[1],o=t[2];return i[0]=e[0]*n+e[3]*r+e[6]*o,i[1]=e[1]*n+e[4]*r+e[7]*o,i[2]=e[2]*n+e[5]*r+e[8]*o,i[3]=t[3],i}var j={};$e(j,{add:()=>vm,angle:()=>Hs,bezier:()=>Rm,ceil:()=>_m,clone:()=>mm,copy:()=>ym,create:()=>Dr,cross:()=>Ce,dist:()=>Um,distance:()=>ff,div:()=>Vm,divide:()=>lf,dot:()=>Gi,equals:()=>Nm,exactEquals:()=>zm,floor:()=>Pm,forEach:()=>Wm,fromValues:()=>zr,hermite:()=>Im,inverse:()=>Tm,len:()=>Zs,length:()=>sf,lerp:()=>Lm,max:()=>bm,min:()=>wm,mul:()=>jm,multiply:()=>cf,negate:()=>Cm,normalize:()=>Fs,random:()=>Om,rotateX:()=>Ws,rotateY:()=>Ys,rotateZ:()=>$s,round:()=>Em,scale:()=>Mm,scaleAndAdd:()=>Sm,set:()=>xm,slerp:()=>Am,sqrDist:()=>Fm,sqrLen:()=>Gm,squaredDistance:()=>hf,squaredLength:()=>uf,str:()=>Dm,sub:()=>Bm,subtract:()=>af,transformMat3:()=>Gs,transformMat4:()=>Te,transformQuat:()=>Wi,zero:()=>km});function Dr(){let i=new V(3);return V!=Float32Array&&(i[0]=0,i[1]=0,i[2]=0),i}function mm(i){let t=new V(3);return t[0]=i[0],t[1]=i[1],t[2]=i[2],t}function sf(i){let t=i[0],e=i[1],n=i[2];return Math.sqrt(t*t+e*e+n*n)}function zr(i,t,e){let n=new V(3);return n[0]=i,n[1]=t,n[2]=e,n}function ym(i,t){return i[0]=t[0],i[1]=t[1],i[2]=t[2],i}function xm(i,t,e,n){return i[0]=t,i[1]=e,i[2]=n,i}function vm(i,t,e){return i[0]=t[0]+e[0],i[1]=t[1]+e[1],i[2]=t[2]+e[2],i}function af(i,t,e){return i[0]=t[0]-e[0],i[1]=t[1]-e[1],i[2]=t[2]-e[2],i}function cf(i,t,e){return i[0]=t[0]*e[0],i[1]=t[1]*e[1],i[2]=t[2]*e[2],i}function lf(i,t,e){return i[0]=t[0]/e[0],i[1]=t[1]/e[1],i[2]=t[2]/e[2],i}function _m(i,t){return i[0]=Math.ceil(t[0]),i[1]=Math.ceil(t[1]),i[2]=Math.ceil(t[2]),i}function Pm(i,t){return i[0]=Math.floor(t[0]),i[1]=Math.floor(t[1]),i[2]=Math.floor(t[2]),i}function wm(i,t,e){return i[0]=Math.min(t[0],e[0]),i[1]=Math.min(t[1],e[1]),i[2]=Math.min(t[2],e[2]),i}function bm(i,t,e){return i[0]=Math.max(t[0],e[0]),i[1]=Math.max(t[1],e[1]),i[2]=Math.max(t[2],e[2]),i}function Em(i,t){return i[0]=gt(t[0]),i[1]=gt(t[1]),i[2]=gt(t[2]),i}function Mm(i,t,e){return i[0]=t[0]*e,i[1]=t[1]*e,i[2]=t[2]*e,i}function Sm(i,t,e,n){return i[0]=t[0]+e[0]*n,i[1]=t[1]+e[1]*n,i[2]=t[2]+e[2]*n,i}function ff(i,t){let e=t[0]-i[0],n=t[1]-i[1],r=t[2]-i[2];return Math.sqrt(e*e+n*n+r*r)}function hf(i,t){let e=t[0]-i[0],n=t[1]-i[1],r=t[2]-i[2];return e*e+n*n+r*r}function uf(i){let t=i[0],e=i[1],n=i[2];return t*t+e*e+n*n}function Cm(i,t){return i[0]=-t[0],i[1]=-t[1],i[2]=-t[2],i}function Tm(i,t){return i[0]=1/t[0],i[1]=1/t[1],i[2]=1/t[2],i}function Fs(i,t){let e=t[0],n=t[1],r=t[2],o=e*e+n*n+r*r;return o>0&&(o=1/Math.sqrt(o)),i[0]=t[0]*o,i[1]=t[1]*o,i[2]=t[2]*o,i}function Gi(i,t){return i[0]*t[0]+i[1]*t[1]+i[2]*t[2]}function Ce(i,t,e){let n=t[0],r=t[1],o=t[2],s=e[0],a=e[1],c=e[2];return i[0]=r*c-o*a,i[1]=o*s-n*c,i[2]=n*a-r*s,i}function Lm(i,t,e,n){let r=t[0],o=t[1],s=t[2];return i[0]=r+n*(e[0]-r),i[1]=o+n*(e[1]-o),i[2]=s+n*(e[2]-s),i}function Am(i,t,e,n){let r=Math.acos(Math.min(Math.max(Gi(t,e),-1),1)),o=Math.sin(r),s=Math.sin((1-n)*r)/o,a=Math.sin(n*r)/o;return i[0]=s*t[0]+a*e[0],i[1]=s*t[1]+a*e[1],i[2]=s*t[2]+a*e[2],i}function Im(i,t,e,n,r,o){let s=o*o,a=s*(2*o-3)+1,c=s*(o-2)+o,l=s*(o-1),f=s*(3-2*o);return i[0]=t[0]*a+e[0]*c+n[0]*l+r[0]*f,i[1]=t[1]*a+e[1]*c+n[1]*l+r[1]*f,i[2]=t[2]*a+e[2]*c+n[2]*l+r[2]*f,i}function Rm(i,t,e,n,r,o){let s=1-o,a=s*s,c=o*o,l=a*s,f=3*o*a,h=3*c*s,u=c*o;return i[0]=t[0]*l+e[0]*f+n[0]*h+r[0]*u,i[1]=t[1]*l+e[1]*f+n[1]*h+r[1]*u,i[2]=t[2]*l+e[2]*f+n[2]*h+r[2]*u,i}function Om(i,t){t=t===void 0?1:t;let e=Nt()*2*Math.PI,n=Nt()*2-1,r=Math.sqrt(1-n*n)*t;return i[0]=Math.cos(e)*r,i[1]=Math.sin(e)*r,i[2]=n*t,i}function Te(i,t,e){let n=t[0],r=t[1],o=t[2],s=e[3]*n+e[7]*r+e[11]*o+e[15];return s=s||1,i[0]=(e[0]*n+e[4]*r+e[8]*o+e[12])/s,i[1]=(e[1]*n+e[5]*r+e[9]*o+e[13])/s,i[2]=(e[2]*n+e[6]*r+e[10]*o+e[14])/s,i}function Gs(i,t,e){let n=t[0],r=t[1],o=t[2];return i[0]=n*e[0]+r*e[3]+o*e[6],i[1]=n*e[1]+r*e[4]+o*e[7],i[2]=n*e[2]+r*e[5]+o*e[8],i}function Wi(i,t,e){let n=e[0],r=e[1],o=e[2],s=e[3],a=t[0],c=t[1],l=t[2],f=r*l-o*c,h=o*a-n*l,u=n*c-r*a,d=r*u-o*h,p=o*f-n*u,g=n*h-r*f,m=s*2;return f*=m,h*=m,u*=m,d*=2,p*=2,g*=2,i[0]=a+f+d,i[1]=c+h+p,i[2]=l+u+g,i}function Ws(i,t,e,n){let r=[],o=[];return r[0]=t[0]-e[0],r[1]=t[1]-e[1],r[2]=t[2]-e[2],o[0]=r[0],o[1]=r[1]*Math.cos(n)-r[2]*Math.sin(n),o[2]=r[1]*Math.sin(n)+r[2]*Math.cos(n),i[0]=o[0]+e[0],i[1]=o[1]+e[1],i[2]=o[2]+e[2],i}function Ys(i,t,e,n){let r=[],o=[];return r[0]=t[0]-e[0],r[1]=t[1]-e[1],r[2]=t[2]-e[2],o[0]=r[2]*Math.sin(n)+r[0]*Math.cos(n),o[1]=r[1],o[2]=r[2]*Math.cos(n)-r[0]*Math.sin(n),i[0]=o[0]+e[0],i[1]=o[1]+e[1],i[2]=o[2]+e[2],i}function $s(i,t,e,n){let r=[],o=[];return r[0]=t[0]-e[0],r[1]=t[1]-e[1],r[2]=t[2]-e[2],o[0]=r[0]*Math.cos(n)-r[1]*Math.sin(n),o[1]=r[0]*Math.sin(n)+r[1]*Math.cos(n),o[2]=r[2],i[0]=o[0]+e[0],i[1]=o[1]+e[1],i[2]=o[2]+e[2],i}function Hs(i,t){let e=i[0],n=i[1],r=i[2],o=t[0],s=t[1],a=t[2],c=Math.sqrt((e*e+n*n+r*r)*(o*o+s*s+a*a)),l=c&&Gi(i,t)/c;return Math.acos(Math.min(Math.max(l,-1),1))}function km(i){return i[0]=0,i[1]=0,i[2]=0,i}function Dm(i){return`vec3(${i[0]}, ${i[1]}, ${i[2]})`}function zm(i,t){return i[0]===t[0]&&i[1]===t[1]&&i[2]===t[2]}function Nm(i,t){let e=i[0],n=i[1],r=i[2],o=t[0],s=t[1],a=t[2];return Math.abs(e-o)<=1e-6*Math.max(1,Math.abs(e),Math.abs(o))&&Math.abs(n-s)<=1e-6*Math.max(1,Math.abs(n),Math.abs(s))&&Math.abs(r-a)<=1e-6*Math.max(1,Math.abs(r),Math.abs(a))}var Bm=af,jm=cf,Vm=lf,Um=ff,Fm=hf,Zs=sf,Gm=uf,Wm=(function(){let i=Dr();return function(t,e,n,r,o,s){let a,c;for(e||(e=3),n||(n=0),r?c=Math.min(r*e+n,t.length):c=t.length,a=n;a<c;a+=e)i[0]=t[a],i[1]=t[a+1],i[2]=t[a+2],o(i,i,s),t[a]=i[0],t[a+1]=i[1],t[a+2]=i[2];return t}})();var qs=[0,0,0],Nr,Q=class i extends Qe{static get ZERO(){return Nr||(Nr=new i(0,0,0),Object.freeze(Nr)),Nr}constructor(t=0,e=0,n=0){super(-0,-0,-0),arguments.length===1&&Pt(t)?this.copy(t):(Y.debug&&(N(t),N(e),N(n)),this[0]=t,this[1]=e,this[2]=n)}set(t,e,n){return this[0]=t,this[1]=e,this[2]=n,this.check()}copy(t){return this[0]=t[0],this[1]=t[1],this[2]=t[2],this.check()}fromObject(t){return Y.debug&&(N(t.x),N(t.y),N(t.z)),this[0]=t.x,this[1]=t.y,this[2]=t.z,this.check()}toObject(t){return t.x=this[0],t.y=this[1],t.z=this[2],t}get ELEMENTS(){return 3}get z(){return this[2]}set z(t){this[2]=N(t)}angle(t){return Hs(this,t)}cross(t){return Ce(this,this,t),this.check()}rotateX({radians:t,origin:e=qs}){return Ws(this,this,e,t),this.check()}rotateY({radians:t,origin:e=qs}){return Ys(this,this,e,t),this.check()}rotateZ({radians:t,origin:e=qs}){return $s(this,this,e,t),this.check()}transform(t){return this.transformAsPoint(t)}transformAsPoint(t){return Te(this,this,t),this.check()}transformAsVector(t){return kr(this,this,t),this.check()}transformByMatrix3(t){return Gs(this,this,t),this.check()}transformByMatrix2(t){return nf(this,this,t),this.check()}transformByQuaternion(t){return Wi(this,this,t),this.check()}};var Br,jr=class i extends Qe{static get ZERO(){return Br||(Br=new i(0,0,0,0),Object.freeze(Br)),Br}constructor(t=0,e=0,n=0,r=0){super(-0,-0,-0,-0),Pt(t)&&arguments.length===1?this.copy(t):(Y.debug&&(N(t),N(e),N(n),N(r)),this[0]=t,this[1]=e,this[2]=n,this[3]=r)}set(t,e,n,r){return this[0]=t,this[1]=e,this[2]=n,this[3]=r,this.check()}copy(t){return this[0]=t[0],this[1]=t[1],this[2]=t[2],this[3]=t[3],this.check()}fromObject(t){return Y.debug&&(N(t.x),N(t.y),N(t.z),N(t.w)),this[0]=t.x,this[1]=t.y,this[2]=t.z,this[3]=t.w,this}toObject(t){return t.x=this[0],t.y=this[1],t.z=this[2],t.w=this[3],t}get ELEMENTS(){return 4}get z(){return this[2]}set z(t){this[2]=N(t)}get w(){return this[3]}set w(t){this[3]=N(t)}transform(t){return Te(this,this,t),this.check()}transformByMatrix3(t){return of(this,this,t),this.check()}transformByMatrix2(t){return rf(this,this,t),this.check()}transformByQuaternion(t){return Wi(this,this,t),this.check()}applyMatrix4(t){return t.transform(this,this),this}};var Vr=class extends he{toString(){let t="[";if(Y.printRowMajor){t+="row-major:";for(let e=0;e<this.RANK;++e)for(let n=0;n<this.RANK;++n)t+=` ${this[n*this.RANK+e]}`}else{t+="column-major:";for(let e=0;e<this.ELEMENTS;++e)t+=` ${this[e]}`}return t+="]",t}getElementIndex(t,e){return e*this.RANK+t}getElement(t,e){return this[e*this.RANK+t]}setElement(t,e,n){return this[e*this.RANK+t]=N(n),this}getColumn(t,e=new Array(this.RANK).fill(-0)){let n=t*this.RANK;for(let r=0;r<this.RANK;++r)e[r]=this[n+r];return e}setColumn(t,e){let n=t*this.RANK;for(let r=0;r<this.RANK;++r)this[n+r]=e[r];return this}};function df(){let i=new V(9);return V!=Float32Array&&(i[1]=0,i[2]=0,i[3]=0,i[5]=0,i[6]=0,i[7]=0),i[0]=1,i[4]=1,i[8]=1,i}var q={};$e(q,{add:()=>g0,adjoint:()=>Xm,clone:()=>$m,copy:()=>Hm,create:()=>Ym,decompose:()=>s0,determinant:()=>Js,equals:()=>v0,exactEquals:()=>x0,frob:()=>p0,fromQuat:()=>oa,fromQuat2:()=>n0,fromRotation:()=>Qm,fromRotationTranslation:()=>mf,fromRotationTranslationScale:()=>a0,fromRotationTranslationScaleOrigin:()=>c0,fromScaling:()=>Jm,fromTranslation:()=>Km,fromValues:()=>Zm,fromXRotation:()=>t0,fromYRotation:()=>e0,fromZRotation:()=>i0,frustum:()=>sa,getRotation:()=>o0,getScaling:()=>yf,getTranslation:()=>r0,identity:()=>gf,invert:()=>Ks,lookAt:()=>la,mul:()=>_0,multiply:()=>Yi,multiplyScalar:()=>m0,multiplyScalarAndAdd:()=>y0,ortho:()=>ca,orthoNO:()=>vf,orthoZO:()=>h0,perspective:()=>aa,perspectiveFromFieldOfView:()=>f0,perspectiveNO:()=>xf,perspectiveZO:()=>l0,rotate:()=>ea,rotateX:()=>ia,rotateY:()=>na,rotateZ:()=>ra,scale:()=>ta,set:()=>qm,str:()=>d0,sub:()=>P0,subtract:()=>_f,targetTo:()=>u0,translate:()=>Qs,transpose:()=>Xs});function Ym(){let i=new V(16);return V!=Float32Array&&(i[1]=0,i[2]=0,i[3]=0,i[4]=0,i[6]=0,i[7]=0,i[8]=0,i[9]=0,i[11]=0,i[12]=0,i[13]=0,i[14]=0),i[0]=1,i[5]=1,i[10]=1,i[15]=1,i}function $m(i){let t=new V(16);return t[0]=i[0],t[1]=i[1],t[2]=i[2],t[3]=i[3],t[4]=i[4],t[5]=i[5],t[6]=i[6],t[7]=i[7],t[8]=i[8],t[9]=i[9],t[10]=i[10],t[11]=i[11],t[12]=i[12],t[13]=i[13],t[14]=i[14],t[15]=i[15],t}function Hm(i,t){return i[0]=t[0],i[1]=t[1],i[2]=t[2],i[3]=t[3],i[4]=t[4],i[5]=t[5],i[6]=t[6],i[7]=t[7],i[8]=t[8],i[9]=t[9],i[10]=t[10],i[11]=t[11],i[12]=t[12],i[13]=t[13],i[14]=t[14],i[15]=t[15],i}function Zm(i,t,e,n,r,o,s,a,c,l,f,h,u,d,p,g){let m=new V(16);return m[0]=i,m[1]=t,m[2]=e,m[3]=n,m[4]=r,m[5]=o,m[6]=s,m[7]=a,m[8]=c,m[9]=l,m[10]=f,m[11]=h,m[12]=u,m[13]=d,m[14]=p,m[15]=g,m}function qm(i,t,e,n,r,o,s,a,c,l,f,h,u,d,p,g,m){return i[0]=t,i[1]=e,i[2]=n,i[3]=r,i[4]=o,i[5]=s,i[6]=a,i[7]=c,i[8]=l,i[9]=f,i[10]=h,i[11]=u,i[12]=d,i[13]=p,i[14]=g,i[15]=m,i}function gf(i){return i[0]=1,i[1]=0,i[2]=0,i[3]=0,i[4]=0,i[5]=1,i[6]=0,i[7]=0,i[8]=0,i[9]=0,i[10]=1,i[11]=0,i[12]=0,i[13]=0,i[14]=0,i[15]=1,i}function Xs(i,t){if(i===t){let e=t[1],n=t[2],r=t[3],o=t[6],s=t[7],a=t[11];i[1]=t[4],i[2]=t[8],i[3]=t[12],i[4]=e,i[6]=t[9],i[7]=t[13],i[8]=n,i[9]=o,i[11]=t[14],i[12]=r,i[13]=s,i[14]=a}else i[0]=t[0],i[1]=t[4],i[2]=t[8],i[3]=t[12],i[4]=t[1],i[5]=t[5],i[6]=t[9],i[7]=t[13],i[8]=t[2],i[9]=t[6],i[10]=t[10],i[11]=t[14],i[12]=t[3],i[13]=t[7],i[14]=t[11],i[15]=t[15];return i}function Ks(i,t){let e=t[0],n=t[1],r=t[2],o=t[3],s=t[4],a=t[5],c=t[6],l=t[7],f=t[8],h=t[9],u=t[10],d=t[11],p=t[12],g=t[13],m=t[14],v=t[15],_=e*a-n*s,y=e*c-r*s,x=e*l-o*s,w=n*c-r*a,P=n*l-o*a,C=r*l-o*c,M=f*g-h*p,S=f*m-u*p,b=f*v-d*p,R=h*m-u*g,O=h*v-d*g,T=u*v-d*m,k=_*T-y*O+x*R+w*b-P*S+C*M;return k?(k=1/k,i[0]=(a*T-c*O+l*R)*k,i[1]=(r*O-n*T-o*R)*k,i[2]=(g*C-m*P+v*w)*k,i[3]=(u*P-h*C-d*w)*k,i[4]=(c*b-s*T-l*S)*k,i[5]=(e*T-r*b+o*S)*k,i[6]=(m*x-p*C-v*y)*k,i[7]=(f*C-u*x+d*y)*k,i[8]=(s*O-a*b+l*M)*k,i[9]=(n*b-e*O-o*M)*k,i[10]=(p*P-g*x+v*_)*k,i[11]=(h*x-f*P-d*_)*k,i[12]=(a*S-s*R-c*M)*k,i[13]=(e*R-n*S+r*M)*k,i[14]=(g*y-p*w-m*_)*k,i[15]=(f*w-h*y+u*_)*k,i):null}function Xm(i,t){let e=t[0],n=t[1],r=t[2],o=t[3],s=t[4],a=t[5],c=t[6],l=t[7],f=t[8],h=t[9],u=t[10],d=t[11],p=t[12],g=t[13],m=t[14],v=t[15],_=e*a-n*s,y=e*c-r*s,x=e*l-o*s,w=n*c-r*a,P=n*l-o*a,C=r*l-o*c,M=f*g-h*p,S=f*m-u*p,b=f*v-d*p,R=h*m-u*g,O=h*v-d*g,T=u*v-d*m;return i[0]=a*T-c*O+l*R,i[1]=r*O-n*T-o*R,i[2]=g*C-m*P+v*w,i[3]=u*P-h*C-d*w,i[4]=c*b-s*T-l*S,i[5]=e*T-r*b+o*S,i[6]=m*x-p*C-v*y,i[7]=f*C-u*x+d*y,i[8]=s*O-a*b+l*M,i[9]=n*b-e*O-o*M,i[10]=p*P-g*x+v*_,i[11]=h*x-f*P-d*_,i[12]=a*S-s*R-c*M,i[13]=e*R-n*S+r*M,i[14]=g*y-p*w-m*_,i[15]=f*w-h*y+u*_,i}function Js(i){let t=i[0],e=i[1],n=i[2],r=i[3],o=i[4],s=i[5],a=i[6],c=i[7],l=i[8],f=i[9],h=i[10],u=i[11],d=i[12],p=i[13],g=i[14],m=i[15],v=t*s-e*o,_=t*a-n*o,y=e*a-n*s,x=l*p-f*d,w=l*g-h*d,P=f*g-h*p,C=t*P-e*w+n*x,M=o*P-s*w+a*x,S=l*y-f*_+h*v,b=d*y-p*_+g*v;return c*C-r*M+m*S-u*b}function Yi(i,t,e){let n=t[0],r=t[1],o=t[2],s=t[3],a=t[4],c=t[5],l=t[6],f=t[7],h=t[8],u=t[9],d=t[10],p=t[11],g=t[12],m=t[13],v=t[14],_=t[15],y=e[0],x=e[1],w=e[2],P=e[3];return i[0]=y*n+x*a+w*h+P*g,i[1]=y*r+x*c+w*u+P*m,i[2]=y*o+x*l+w*d+P*v,i[3]=y*s+x*f+w*p+P*_,y=e[4],x=e[5],w=e[6],P=e[7],i[4]=y*n+x*a+w*h+P*g,i[5]=y*r+x*c+w*u+P*m,i[6]=y*o+x*l+w*d+P*v,i[7]=y*s+x*f+w*p+P*_,y=e[8],x=e[9],w=e[10],P=e[11],i[8]=y*n+x*a+w*h+P*g,i[9]=y*r+x*c+w*u+P*m,i[10]=y*o+x*l+w*d+P*v,i[11]=y*s+x*f+w*p+P*_,y=e[12],x=e[13],w=e[14],P=e[15],i[12]=y*n+x*a+w*h+P*g,i[13]=y*r+x*c+w*u+P*m,i[14]=y*o+x*l+w*d+P*v,i[15]=y*s+x*f+w*p+P*_,i}function Qs(i,t,e){let n=e[0],r=e[1],o=e[2],s,a,c,l,f,h,u,d,p,g,m,v;return t===i?(i[12]=t[0]*n+t[4]*r+t[8]*o+t[12],i[13]=t[1]*n+t[5]*r+t[9]*o+t[13],i[14]=t[2]*n+t[6]*r+t[10]*o+t[14],i[15]=t[3]*n+t[7]*r+t[11]*o+t[15]):(s=t[0],a=t[1],c=t[2],l=t[3],f=t[4],h=t[5],u=t[6],d=t[7],p=t[8],g=t[9],m=t[10],v=t[11],i[0]=s,i[1]=a,i[2]=c,i[3]=l,i[4]=f,i[5]=h,i[6]=u,i[7]=d,i[8]=p,i[9]=g,i[10]=m,i[11]=v,i[12]=s*n+f*r+p*o+t[12],i[13]=a*n+h*r+g*o+t[13],i[14]=c*n+u*r+m*o+t[14],i[15]=l*n+d*r+v*o+t[15]),i}function ta(i,t,e){let n=e[0],r=e[1],o=e[2];return i[0]=t[0]*n,i[1]=t[1]*n,i[2]=t[2]*n,i[3]=t[3]*n,i[4]=t[4]*r,i[5]=t[5]*r,i[6]=t[6]*r,i[7]=t[7]*r,i[8]=t[8]*o,i[9]=t[9]*o,i[10]=t[10]*o,i[11]=t[11]*o,i[12]=t[12],i[13]=t[13],i[14]=t[14],i[15]=t[15],i}function ea(i,t,e,n){let r=n[0],o=n[1],s=n[2],a=Math.sqrt(r*r+o*o+s*s),c,l,f,h,u,d,p,g,m,v,_,y,x,w,P,C,M,S,b,R,O,T,k,Z;return a<1e-6?null:(a=1/a,r*=a,o*=a,s*=a,l=Math.sin(e),c=Math.cos(e),f=1-c,h=t[0],u=t[1],d=t[2],p=t[3],g=t[4],m=t[5],v=t[6],_=t[7],y=t[8],x=t[9],w=t[10],P=t[11],C=r*r*f+c,M=o*r*f+s*l,S=s*r*f-o*l,b=r*o*f-s*l,R=o*o*f+c,O=s*o*f+r*l,T=r*s*f+o*l,k=o*s*f-r*l,Z=s*s*f+c,i[0]=h*C+g*M+y*S,i[1]=u*C+m*M+x*S,i[2]=d*C+v*M+w*S,i[3]=p*C+_*M+P*S,i[4]=h*b+g*R+y*O,i[5]=u*b+m*R+x*O,i[6]=d*b+v*R+w*O,i[7]=p*b+_*R+P*O,i[8]=h*T+g*k+y*Z,i[9]=u*T+m*k+x*Z,i[10]=d*T+v*k+w*Z,i[11]=p*T+_*k+P*Z,t!==i&&(i[12]=t[12],i[13]=t[13],i[14]=t[14],i[15]=t[15]),i)}function ia(i,t,e){let n=Math.sin(e),r=Math.cos(e),o=t[4],s=t[5],a=t[6],c=t[7],l=t[8],f=t[9],h=t[10],u=t[11];return t!==i&&(i[0]=t[0],i[1]=t[1],i[2]=t[2],i[3]=t[3],i[12]=t[12],i[13]=t[13],i[14]=t[14],i[15]=t[15]),i[4]=o*r+l*n,i[5]=s*r+f*n,i[6]=a*r+h*n,i[7]=c*r+u*n,i[8]=l*r-o*n,i[9]=f*r-s*n,i[10]=h*r-a*n,i[11]=u*r-c*n,i}function na(i,t,e){let n=Math.sin(e),r=Math.cos(e),o=t[0],s=t[1],a=t[2],c=t[3],l=t[8],f=t[9],h=t[10],u=t[11];return t!==i&&(i[4]=t[4],i[5]=t[5],i[6]=t[6],i[7]=t[7],i[12]=t[12],i[13]=t[13],i[14]=t[14],i[15]=t[15]),i[0]=o*r-l*n,i[1]=s*r-f*n,i[2]=a*r-h*n,i[3]=c*r-u*n,i[8]=o*n+l*r,i[9]=s*n+f*r,i[10]=a*n+h*r,i[11]=c*n+u*r,i}function ra(i,t,e){let n=Math.sin(e),r=Math.cos(e),o=t[0],s=t[1],a=t[2],c=t[3],l=t[4],f=t[5],h=t[6],u=t[7];return t!==i&&(i[8]=t[8],i[9]=t[9],i[10]=t[10],i[11]=t[11],i[12]=t[12],i[13]=t[13],i[14]=t[14],i[15]=t[15]),i[0]=o*r+l*n,i[1]=s*r+f*n,i[2]=a*r+h*n,i[3]=c*r+u*n,i[4]=l*r-o*n,i[5]=f*r-s*n,i[6]=h*r-a*n,i[7]=u*r-c*n,i}function Km(i,t){return i[0]=1,i[1]=0,i[2]=0,i[3]=0,i[4]=0,i[5]=1,i[6]=0,i[7]=0,i[8]=0,i[9]=0,i[10]=1,i[11]=0,i[12]=t[0],i[13]=t[1],i[14]=t[2],i[15]=1,i}function Jm(i,t){return i[0]=t[0],i[1]=0,i[2]=0,i[3]=0,i[4]=0,i[5]=t[1],i[6]=0,i[7]=0,i[8]=0,i[9]=0,i[10]=t[2],i[11]=0,i[12]=0,i[13]=0,i[14]=0,i[15]=1,i}function Qm(i,t,e){let n=e[0],r=e[1],o=e[2],s=Math.sqrt(n*n+r*r+o*o),a,c,l;return s<1e-6?null:(s=1/s,n*=s,r*=s,o*=s,c=Math.sin(t),a=Math.cos(t),l=1-a,i[0]=n*n*l+a,i[1]=r*n*l+o*c,i[2]=o*n*l-r*c,i[3]=0,i[4]=n*r*l-o*c,i[5]=r*r*l+a,i[6]=o*r*l+n*c,i[7]=0,i[8]=n*o*l+r*c,i[9]=r*o*l-n*c,i[10]=o*o*l+a,i[11]=0,i[12]=0,i[13]=0,i[14]=0,i[15]=1,i)}function t0(i,t){let e=Math.sin(t),n=Math.cos(t);return i[0]=1,i[1]=0,i[2]=0,i[3]=0,i[4]=0,i[5]=n,i[6]=e,i[7]=0,i[8]=0,i[9]=-e,i[10]=n,i[11]=0,i[12]=0,i[13]=0,i[14]=0,i[15]=1,i}function e0(i,t){let e=Math.sin(t),n=Math.cos(t);return i[0]=n,i[1]=0,i[2]=-e,i[3]=0,i[4]=0,i[5]=1,i[6]=0,i[7]=0,i[8]=e,i[9]=0,i[10]=n,i[11]=0,i[12]=0,i[13]=0,i[14]=0,i[15]=1,i}function i0(i,t){let e=Math.sin(t),n=Math.cos(t);return i[0]=n,i[1]=e,i[2]=0,i[3]=0,i[4]=-e,i[5]=n,i[6]=0,i[7]=0,i[8]=0,i[9]=0,i[10]=1,i[11]=0,i[12]=0,i[13]=0,i[14]=0,i[15]=1,i}function mf(i,t,e){let n=t[0],r=t[1],o=t[2],s=t[3],a=n+n,c=r+r,l=o+o,f=n*a,h=n*c,u=n*l,d=r*c,p=r*l,g=o*l,m=s*a,v=s*c,_=s*l;return i[0]=1-(d+g),i[1]=h+_,i[2]=u-v,i[3]=0,i[4]=h-_,i[5]=1-(f+g),i[6]=p+m,i[7]=0,i[8]=u+v,i[9]=p-m,i[10]=1-(f+d),i[11]=0,i[12]=e[0],i[13]=e[1],i[14]=e[2],i[15]=1,i}function n0(i,t){let e=new V(3),n=-t[0],r=-t[1],o=-t[2],s=t[3],a=t[4],c=t[5],l=t[6],f=t[7],h=n*n+r*r+o*o+s*s;return h>0?(e[0]=(a*s+f*n+c*o-l*r)*2/h,e[1]=(c*s+f*r+l*n-a*o)*2/h,e[2]=(l*s+f*o+a*r-c*n)*2/h):(e[0]=(a*s+f*n+c*o-l*r)*2,e[1]=(c*s+f*r+l*n-a*o)*2,e[2]=(l*s+f*o+a*r-c*n)*2),mf(i,t,e),i}function r0(i,t){return i[0]=t[12],i[1]=t[13],i[2]=t[14],i}function yf(i,t){let e=t[0],n=t[1],r=t[2],o=t[4],s=t[5],a=t[6],c=t[8],l=t[9],f=t[10];return i[0]=Math.sqrt(e*e+n*n+r*r),i[1]=Math.sqrt(o*o+s*s+a*a),i[2]=Math.sqrt(c*c+l*l+f*f),i}function o0(i,t){let e=new V(3);yf(e,t);let n=1/e[0],r=1/e[1],o=1/e[2],s=t[0]*n,a=t[1]*r,c=t[2]*o,l=t[4]*n,f=t[5]*r,h=t[6]*o,u=t[8]*n,d=t[9]*r,p=t[10]*o,g=s+f+p,m=0;return g>0?(m=Math.sqrt(g+1)*2,i[3]=.25*m,i[0]=(h-d)/m,i[1]=(u-c)/m,i[2]=(a-l)/m):s>f&&s>p?(m=Math.sqrt(1+s-f-p)*2,i[3]=(h-d)/m,i[0]=.25*m,i[1]=(a+l)/m,i[2]=(u+c)/m):f>p?(m=Math.sqrt(1+f-s-p)*2,i[3]=(u-c)/m,i[0]=(a+l)/m,i[1]=.25*m,i[2]=(h+d)/m):(m=Math.sqrt(1+p-s-f)*2,i[3]=(a-l)/m,i[0]=(u+c)/m,i[1]=(h+d)/m,i[2]=.25*m),i}function s0(i,t,e,n){t[0]=n[12],t[1]=n[13],t[2]=n[14];let r=n[0],o=n[1],s=n[2],a=n[4],c=n[5],l=n[6],f=n[8],h=n[9],u=n[10];e[0]=Math.sqrt(r*r+o*o+s*s),e[1]=Math.sqrt(a*a+c*c+l*l),e[2]=Math.sqrt(f*f+h*h+u*u);let d=1/e[0],p=1/e[1],g=1/e[2],m=r*d,v=o*p,_=s*g,y=a*d,x=c*p,w=l*g,P=f*d,C=h*p,M=u*g,S=m+x+M,b=0;return S>0?(b=Math.sqrt(S+1)*2,i[3]=.25*b,i[0]=(w-C)/b,i[1]=(P-_)/b,i[2]=(v-y)/b):m>x&&m>M?(b=Math.sqrt(1+m-x-M)*2,i[3]=(w-C)/b,i[0]=.25*b,i[1]=(v+y)/b,i[2]=(P+_)/b):x>M?(b=Math.sqrt(1+x-m-M)*2,i[3]=(P-_)/b,i[0]=(v+y)/b,i[1]=.25*b,i[2]=(w+C)/b):(b=Math.sqrt(1+M-m-x)*2,i[3]=(v-y)/b,i[0]=(P+_)/b,i[1]=(w+C)/b,i[2]=.25*b),i}function a0(i,t,e,n){let r=t[0],o=t[1],s=t[2],a=t[3],c=r+r,l=o+o,f=s+s,h=r*c,u=r*l,d=r*f,p=o*l,g=o*f,m=s*f,v=a*c,_=a*l,y=a*f,x=n[0],w=n[1],P=n[2];return i[0]=(1-(p+m))*x,i[1]=(u+y)*x,i[2]=(d-_)*x,i[3]=0,i[4]=(u-y)*w,i[5]=(1-(h+m))*w,i[6]=(g+v)*w,i[7]=0,i[8]=(d+_)*P,i[9]=(g-v)*P,i[10]=(1-(h+p))*P,i[11]=0,i[12]=e[0],i[13]=e[1],i[14]=e[2],i[15]=1,i}function c0(i,t,e,n,r){let o=t[0],s=t[1],a=t[2],c=t[3],l=o+o,f=s+s,h=a+a,u=o*l,d=o*f,p=o*h,g=s*f,m=s*h,v=a*h,_=c*l,y=c*f,x=c*h,w=n[0],P=n[1],C=n[2],M=r[0],S=r[1],b=r[2],R=(1-(g+v))*w,O=(d+x)*w,T=(p-y)*w,k=(d-x)*P,Z=(1-(u+v))*P,et=(m+_)*P,Pe=(p+y)*C,pr=(m-_)*C,zc=(1-(u+g))*C;return i[0]=R,i[1]=O,i[2]=T,i[3]=0,i[4]=k,i[5]=Z,i[6]=et,i[7]=0,i[8]=Pe,i[9]=pr,i[10]=zc,i[11]=0,i[12]=e[0]+M-(R*M+k*S+Pe*b),i[13]=e[1]+S-(O*M+Z*S+pr*b),i[14]=e[2]+b-(T*M+et*S+zc*b),i[15]=1,i}function oa(i,t){let e=t[0],n=t[1],r=t[2],o=t[3],s=e+e,a=n+n,c=r+r,l=e*s,f=n*s,h=n*a,u=r*s,d=r*a,p=r*c,g=o*s,m=o*a,v=o*c;return i[0]=1-h-p,i[1]=f+v,i[2]=u-m,i[3]=0,i[4]=f-v,i[5]=1-l-p,i[6]=d+g,i[7]=0,i[8]=u+m,i[9]=d-g,i[10]=1-l-h,i[11]=0,i[12]=0,i[13]=0,i[14]=0,i[15]=1,i}function sa(i,t,e,n,r,o,s){let a=1/(e-t),c=1/(r-n),l=1/(o-s);return i[0]=o*2*a,i[1]=0,i[2]=0,i[3]=0,i[4]=0,i[5]=o*2*c,i[6]=0,i[7]=0,i[8]=(e+t)*a,i[9]=(r+n)*c,i[10]=(s+o)*l,i[11]=-1,i[12]=0,i[13]=0,i[14]=s*o*2*l,i[15]=0,i}function xf(i,t,e,n,r){let o=1/Math.tan(t/2);if(i[0]=o/e,i[1]=0,i[2]=0,i[3]=0,i[4]=0,i[5]=o,i[6]=0,i[7]=0,i[8]=0,i[9]=0,i[11]=-1,i[12]=0,i[13]=0,i[15]=0,r!=null&&r!==1/0){let s=1/(n-r);i[10]=(r+n)*s,i[14]=2*r*n*s}else i[10]=-1,i[14]=-2*n;return i}var aa=xf;function l0(i,t,e,n,r){let o=1/Math.tan(t/2);if(i[0]=o/e,i[1]=0,i[2]=0,i[3]=0,i[4]=0,i[5]=o,i[6]=0,i[7]=0,i[8]=0,i[9]=0,i[11]=-1,i[12]=0,i[13]=0,i[15]=0,r!=null&&r!==1/0){let s=1/(n-r);i[10]=r*s,i[14]=r*n*s}else i[10]=-1,i[14]=-n;return i}function f0(i,t,e,n){let r=Math.tan(t.upDegrees*Math.PI/180),o=Math.tan(t.downDegrees*Math.PI/180),s=Math.tan(t.leftDegrees*Math.PI/180),a=Math.tan(t.rightDegrees*Math.PI/180),c=2/(s+a),l=2/(r+o);return i[0]=c,i[1]=0,i[2]=0,i[3]=0,i[4]=0,i[5]=l,i[6]=0,i[7]=0,i[8]=-((s-a)*c*.5),i[9]=(r-o)*l*.5,i[10]=n/(e-n),i[11]=-1,i[12]=0,i[13]=0,i[14]=n*e/(e-n),i[15]=0,i}function vf(i,t,e,n,r,o,s){let a=1/(t-e),c=1/(n-r),l=1/(o-s);return i[0]=-2*a,i[1]=0,i[2]=0,i[3]=0,i[4]=0,i[5]=-2*c,i[6]=0,i[7]=0,i[8]=0,i[9]=0,i[10]=2*l,i[11]=0,i[12]=(t+e)*a,i[13]=(r+n)*c,i[14]=(s+o)*l,i[15]=1,i}var ca=vf;function h0(i,t,e,n,r,o,s){let a=1/(t-e),c=1/(n-r),l=1/(o-s);return i[0]=-2*a,i[1]=0,i[2]=0,i[3]=0,i[4]=0,i[5]=-2*c,i[6]=0,i[7]=0,i[8]=0,i[9]=0,i[10]=l,i[11]=0,i[12]=(t+e)*a,i[13]=(r+n)*c,i[14]=o*l,i[15]=1,i}function la(i,t,e,n){let r,o,s,a,c,l,f,h,u,d,p=t[0],g=t[1],m=t[2],v=n[0],_=n[1],y=n[2],x=e[0],w=e[1],P=e[2];return Math.abs(p-x)<1e-6&&Math.abs(g-w)<1e-6&&Math.abs(m-P)<1e-6?gf(i):(h=p-x,u=g-w,d=m-P,r=1/Math.sqrt(h*h+u*u+d*d),h*=r,u*=r,d*=r,o=_*d-y*u,s=y*h-v*d,a=v*u-_*h,r=Math.sqrt(o*o+s*s+a*a),r?(r=1/r,o*=r,s*=r,a*=r):(o=0,s=0,a=0),c=u*a-d*s,l=d*o-h*a,f=h*s-u*o,r=Math.sqrt(c*c+l*l+f*f),r?(r=1/r,c*=r,l*=r,f*=r):(c=0,l=0,f=0),i[0]=o,i[1]=c,i[2]=h,i[3]=0,i[4]=s,i[5]=l,i[6]=u,i[7]=0,i[8]=a,i[9]=f,i[10]=d,i[11]=0,i[12]=-(o*p+s*g+a*m),i[13]=-(c*p+l*g+f*m),i[14]=-(h*p+u*g+d*m),i[15]=1,i)}function u0(i,t,e,n){let r=t[0],o=t[1],s=t[2],a=n[0],c=n[1],l=n[2],f=r-e[0],h=o-e[1],u=s-e[2],d=f*f+h*h+u*u;d>0&&(d=1/Math.sqrt(d),f*=d,h*=d,u*=d);let p=c*u-l*h,g=l*f-a*u,m=a*h-c*f;return d=p*p+g*g+m*m,d>0&&(d=1/Math.sqrt(d),p*=d,g*=d,m*=d),i[0]=p,i[1]=g,i[2]=m,i[3]=0,i[4]=h*m-u*g,i[5]=u*p-f*m,i[6]=f*g-h*p,i[7]=0,i[8]=f,i[9]=h,i[10]=u,i[11]=0,i[12]=r,i[13]=o,i[14]=s,i[15]=1,i}function d0(i){return`mat4(${i[0]}, ${i[1]}, ${i[2]}, ${i[3]}, ${i[4]}, ${i[5]}, ${i[6]}, ${i[7]}, ${i[8]}, ${i[9]}, ${i[10]}, ${i[11]}, ${i[12]}, ${i[13]}, ${i[14]}, ${i[15]})`}function p0(i){return Math.sqrt(i[0]*i[0]+i[1]*i[1]+i[2]*i[2]+i[3]*i[3]+i[4]*i[4]+i[5]*i[5]+i[6]*i[6]+i[7]*i[7]+i[8]*i[8]+i[9]*i[9]+i[10]*i[10]+i[11]*i[11]+i[12]*i[12]+i[13]*i[13]+i[14]*i[14]+i[15]*i[15])}function g0(i,t,e){return i[0]=t[0]+e[0],i[1]=t[1]+e[1],i[2]=t[2]+e[2],i[3]=t[3]+e[3],i[4]=t[4]+e[4],i[5]=t[5]+e[5],i[6]=t[6]+e[6],i[7]=t[7]+e[7],i[8]=t[8]+e[8],i[9]=t[9]+e[9],i[10]=t[10]+e[10],i[11]=t[11]+e[11],i[12]=t[12]+e[12],i[13]=t[13]+e[13],i[14]=t[14]+e[14],i[15]=t[15]+e[15],i}function _f(i,t,e){return i[0]=t[0]-e[0],i[1]=t[1]-e[1],i[2]=t[2]-e[2],i[3]=t[3]-e[3],i[4]=t[4]-e[4],i[5]=t[5]-e[5],i[6]=t[6]-e[6],i[7]=t[7]-e[7],i[8]=t[8]-e[8],i[9]=t[9]-e[9],i[10]=t[10]-e[10],i[11]=t[11]-e[11],i[12]=t[12]-e[12],i[13]=t[13]-e[13],i[14]=t[14]-e[14],i[15]=t[15]-e[15],i}function m0(i,t,e){return i[0]=t[0]*e,i[1]=t[1]*e,i[2]=t[2]*e,i[3]=t[3]*e,i[4]=t[4]*e,i[5]=t[5]*e,i[6]=t[6]*e,i[7]=t[7]*e,i[8]=t[8]*e,i[9]=t[9]*e,i[10]=t[10]*e,i[11]=t[11]*e,i[12]=t[12]*e,i[13]=t[13]*e,i[14]=t[14]*e,i[15]=t[15]*e,i}function y0(i,t,e,n){return i[0]=t[0]+e[0]*n,i[1]=t[1]+e[1]*n,i[2]=t[2]+e[2]*n,i[3]=t[3]+e[3]*n,i[4]=t[4]+e[4]*n,i[5]=t[5]+e[5]*n,i[6]=t[6]+e[6]*n,i[7]=t[7]+e[7]*n,i[8]=t[8]+e[8]*n,i[9]=t[9]+e[9]*n,i[10]=t[10]+e[10]*n,i[11]=t[11]+e[11]*n,i[12]=t[12]+e[12]*n,i[13]=t[13]+e[13]*n,i[14]=t[14]+e[14]*n,i[15]=t[15]+e[15]*n,i}function x0(i,t){return i[0]===t[0]&&i[1]===t[1]&&i[2]===t[2]&&i[3]===t[3]&&i[4]===t[4]&&i[5]===t[5]&&i[6]===t[6]&&i[7]===t[7]&&i[8]===t[8]&&i[9]===t[9]&&i[10]===t[10]&&i[11]===t[11]&&i[12]===t[12]&&i[13]===t[13]&&i[14]===t[14]&&i[15]===t[15]}function v0(i,t){let e=i[0],n=i[1],r=i[2],o=i[3],s=i[4],a=i[5],c=i[6],l=i[7],f=i[8],h=i[9],u=i[10],d=i[11],p=i[12],g=i[13],m=i[14],v=i[15],_=t[0],y=t[1],x=t[2],w=t[3],P=t[4],C=t[5],M=t[6],S=t[7],b=t[8],R=t[9],O=t[10],T=t[11],k=t[12],Z=t[13],et=t[14],Pe=t[15];return Math.abs(e-_)<=1e-6*Math.max(1,Math.abs(e),Math.abs(_))&&Math.abs(n-y)<=1e-6*Math.max(1,Math.abs(n),Math.abs(y))&&Math.abs(r-x)<=1e-6*Math.max(1,Math.abs(r),Math.abs(x))&&Math.abs(o-w)<=1e-6*Math.max(1,Math.abs(o),Math.abs(w))&&Math.abs(s-P)<=1e-6*Math.max(1,Math.abs(s),Math.abs(P))&&Math.abs(a-C)<=1e-6*Math.max(1,Math.abs(a),Math.abs(C))&&Math.abs(c-M)<=1e-6*Math.max(1,Math.abs(c),Math.abs(M))&&Math.abs(l-S)<=1e-6*Math.max(1,Math.abs(l),Math.abs(S))&&Math.abs(f-b)<=1e-6*Math.max(1,Math.abs(f),Math.abs(b))&&Math.abs(h-R)<=1e-6*Math.max(1,Math.abs(h),Math.abs(R))&&Math.abs(u-O)<=1e-6*Math.max(1,Math.abs(u),Math.abs(O))&&Math.abs(d-T)<=1e-6*Math.max(1,Math.abs(d),Math.abs(T))&&Math.abs(p-k)<=1e-6*Math.max(1,Math.abs(p),Math.abs(k))&&Math.abs(g-Z)<=1e-6*Math.max(1,Math.abs(g),Math.abs(Z))&&Math.abs(m-et)<=1e-6*Math.max(1,Math.abs(m),Math.abs(et))&&Math.abs(v-Pe)<=1e-6*Math.max(1,Math.abs(v),Math.abs(Pe))}var _0=Yi,P0=_f;var nt={};$e(nt,{add:()=>fa,ceil:()=>w0,clone:()=>wf,copy:()=>Ef,create:()=>Pf,cross:()=>A0,dist:()=>B0,distance:()=>Lf,div:()=>N0,divide:()=>Tf,dot:()=>da,equals:()=>k0,exactEquals:()=>If,floor:()=>b0,forEach:()=>F0,fromValues:()=>bf,inverse:()=>L0,len:()=>V0,length:()=>Ur,lerp:()=>pa,max:()=>M0,min:()=>E0,mul:()=>z0,multiply:()=>Cf,negate:()=>T0,normalize:()=>ua,random:()=>I0,round:()=>S0,scale:()=>ha,scaleAndAdd:()=>C0,set:()=>Mf,sqrDist:()=>j0,sqrLen:()=>U0,squaredDistance:()=>Af,squaredLength:()=>Fr,str:()=>O0,sub:()=>D0,subtract:()=>Sf,transformMat4:()=>ga,transformQuat:()=>ma,zero:()=>R0});function Pf(){let i=new V(4);return V!=Float32Array&&(i[0]=0,i[1]=0,i[2]=0,i[3]=0),i}function wf(i){let t=new V(4);return t[0]=i[0],t[1]=i[1],t[2]=i[2],t[3]=i[3],t}function bf(i,t,e,n){let r=new V(4);return r[0]=i,r[1]=t,r[2]=e,r[3]=n,r}function Ef(i,t){return i[0]=t[0],i[1]=t[1],i[2]=t[2],i[3]=t[3],i}function Mf(i,t,e,n,r){return i[0]=t,i[1]=e,i[2]=n,i[3]=r,i}function fa(i,t,e){return i[0]=t[0]+e[0],i[1]=t[1]+e[1],i[2]=t[2]+e[2],i[3]=t[3]+e[3],i}function Sf(i,t,e){return i[0]=t[0]-e[0],i[1]=t[1]-e[1],i[2]=t[2]-e[2],i[3]=t[3]-e[3],i}function Cf(i,t,e){return i[0]=t[0]*e[0],i[1]=t[1]*e[1],i[2]=t[2]*e[2],i[3]=t[3]*e[3],i}function Tf(i,t,e){return i[0]=t[0]/e[0],i[1]=t[1]/e[1],i[2]=t[2]/e[2],i[3]=t[3]/e[3],i}function w0(i,t){return i[0]=Math.ceil(t[0]),i[1]=Math.ceil(t[1]),i[2]=Math.ceil(t[2]),i[3]=Math.ceil(t[3]),i}function b0(i,t){return i[0]=Math.floor(t[0]),i[1]=Math.floor(t[1]),i[2]=Math.floor(t[2]),i[3]=Math.floor(t[3]),i}function E0(i,t,e){return i[0]=Math.min(t[0],e[0]),i[1]=Math.min(t[1],e[1]),i[2]=Math.min(t[2],e[2]),i[3]=Math.min(t[3],e[3]),i}function M0(i,t,e){return i[0]=Math.max(t[0],e[0]),i[1]=Math.max(t[1],e[1]),i[2]=Math.max(t[2],e[2]),i[3]=Math.max(t[3],e[3]),i}function S0(i,t){return i[0]=gt(t[0]),i[1]=gt(t[1]),i[2]=gt(t[2]),i[3]=gt(t[3]),i}function ha(i,t,e){return i[0]=t[0]*e,i[1]=t[1]*e,i[2]=t[2]*e,i[3]=t[3]*e,i}function C0(i,t,e,n){return i[0]=t[0]+e[0]*n,i[1]=t[1]+e[1]*n,i[2]=t[2]+e[2]*n,i[3]=t[3]+e[3]*n,i}function Lf(i,t){let e=t[0]-i[0],n=t[1]-i[1],r=t[2]-i[2],o=t[3]-i[3];return Math.sqrt(e*e+n*n+r*r+o*o)}function Af(i,t){let e=t[0]-i[0],n=t[1]-i[1],r=t[2]-i[2],o=t[3]-i[3];return e*e+n*n+r*r+o*o}function Ur(i){let t=i[0],e=i[1],n=i[2],r=i[3];return Math.sqrt(t*t+e*e+n*n+r*r)}function Fr(i){let t=i[0],e=i[1],n=i[2],r=i[3];return t*t+e*e+n*n+r*r}function T0(i,t){return i[0]=-t[0],i[1]=-t[1],i[2]=-t[2],i[3]=-t[3],i}function L0(i,t){return i[0]=1/t[0],i[1]=1/t[1],i[2]=1/t[2],i[3]=1/t[3],i}function ua(i,t){let e=t[0],n=t[1],r=t[2],o=t[3],s=e*e+n*n+r*r+o*o;return s>0&&(s=1/Math.sqrt(s)),i[0]=e*s,i[1]=n*s,i[2]=r*s,i[3]=o*s,i}function da(i,t){return i[0]*t[0]+i[1]*t[1]+i[2]*t[2]+i[3]*t[3]}function A0(i,t,e,n){let r=e[0]*n[1]-e[1]*n[0],o=e[0]*n[2]-e[2]*n[0],s=e[0]*n[3]-e[3]*n[0],a=e[1]*n[2]-e[2]*n[1],c=e[1]*n[3]-e[3]*n[1],l=e[2]*n[3]-e[3]*n[2],f=t[0],h=t[1],u=t[2],d=t[3];return i[0]=h*l-u*c+d*a,i[1]=-(f*l)+u*s-d*o,i[2]=f*c-h*s+d*r,i[3]=-(f*a)+h*o-u*r,i}function pa(i,t,e,n){let r=t[0],o=t[1],s=t[2],a=t[3];return i[0]=r+n*(e[0]-r),i[1]=o+n*(e[1]-o),i[2]=s+n*(e[2]-s),i[3]=a+n*(e[3]-a),i}function I0(i,t){t=t===void 0?1:t;let e,n,r,o,s,a;do e=Nt()*2-1,n=Nt()*2-1,s=e*e+n*n;while(s>=1);do r=Nt()*2-1,o=Nt()*2-1,a=r*r+o*o;while(a>=1);let c=Math.sqrt((1-s)/a);return i[0]=t*e,i[1]=t*n,i[2]=t*r*c,i[3]=t*o*c,i}function ga(i,t,e){let n=t[0],r=t[1],o=t[2],s=t[3];return i[0]=e[0]*n+e[4]*r+e[8]*o+e[12]*s,i[1]=e[1]*n+e[5]*r+e[9]*o+e[13]*s,i[2]=e[2]*n+e[6]*r+e[10]*o+e[14]*s,i[3]=e[3]*n+e[7]*r+e[11]*o+e[15]*s,i}function ma(i,t,e){let n=t[0],r=t[1],o=t[2],s=e[0],a=e[1],c=e[2],l=e[3],f=l*n+a*o-c*r,h=l*r+c*n-s*o,u=l*o+s*r-a*n,d=-s*n-a*r-c*o;return i[0]=f*l+d*-s+h*-c-u*-a,i[1]=h*l+d*-a+u*-s-f*-c,i[2]=u*l+d*-c+f*-a-h*-s,i[3]=t[3],i}function R0(i){return i[0]=0,i[1]=0,i[2]=0,i[3]=0,i}function O0(i){return`vec4(${i[0]}, ${i[1]}, ${i[2]}, ${i[3]})`}function If(i,t){return i[0]===t[0]&&i[1]===t[1]&&i[2]===t[2]&&i[3]===t[3]}function k0(i,t){let e=i[0],n=i[1],r=i[2],o=i[3],s=t[0],a=t[1],c=t[2],l=t[3];return Math.abs(e-s)<=1e-6*Math.max(1,Math.abs(e),Math.abs(s))&&Math.abs(n-a)<=1e-6*Math.max(1,Math.abs(n),Math.abs(a))&&Math.abs(r-c)<=1e-6*Math.max(1,Math.abs(r),Math.abs(c))&&Math.abs(o-l)<=1e-6*Math.max(1,Math.abs(o),Math.abs(l))}var D0=Sf,z0=Cf,N0=Tf,B0=Lf,j0=Af,V0=Ur,U0=Fr,F0=(function(){let i=Pf();return function(t,e,n,r,o,s){let a,c;for(e||(e=4),n||(n=0),r?c=Math.min(r*e+n,t.length):c=t.length,a=n;a<c;a+=e)i[0]=t[a],i[1]=t[a+1],i[2]=t[a+2],i[3]=t[a+3],o(i,i,s),t[a]=i[0],t[a+1]=i[1],t[a+2]=i[2],t[a+3]=i[3];return t}})();var va;(function(i){i[i.COL0ROW0=0]="COL0ROW0",i[i.COL0ROW1=1]="COL0ROW1",i[i.COL0ROW2=2]="COL0ROW2",i[i.COL0ROW3=3]="COL0ROW3",i[i.COL1ROW0=4]="COL1ROW0",i[i.COL1ROW1=5]="COL1ROW1",i[i.COL1ROW2=6]="COL1ROW2",i[i.COL1ROW3=7]="COL1ROW3",i[i.COL2ROW0=8]="COL2ROW0",i[i.COL2ROW1=9]="COL2ROW1",i[i.COL2ROW2=10]="COL2ROW2",i[i.COL2ROW3=11]="COL2ROW3",i[i.COL3ROW0=12]="COL3ROW0",i[i.COL3ROW1=13]="COL3ROW1",i[i.COL3ROW2=14]="COL3ROW2",i[i.COL3ROW3=15]="COL3ROW3"})(va||(va={}));var G0=45*Math.PI/180,W0=1,ya=.1,xa=500,Y0=Object.freeze([1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1]),X=class extends Vr{static get IDENTITY(){return H0()}static get ZERO(){return $0()}get ELEMENTS(){return 16}get RANK(){return 4}get INDICES(){return va}constructor(t){super(-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0),arguments.length===1&&Array.isArray(t)?this.copy(t):this.identity()}copy(t){return this[0]=t[0],this[1]=t[1],this[2]=t[2],this[3]=t[3],this[4]=t[4],this[5]=t[5],this[6]=t[6],this[7]=t[7],this[8]=t[8],this[9]=t[9],this[10]=t[10],this[11]=t[11],this[12]=t[12],this[13]=t[13],this[14]=t[14],this[15]=t[15],this.check()}set(t,e,n,r,o,s,a,c,l,f,h,u,d,p,g,m){return this[0]=t,this[1]=e,this[2]=n,this[3]=r,this[4]=o,this[5]=s,this[6]=a,this[7]=c,this[8]=l,this[9]=f,this[10]=h,this[11]=u,this[12]=d,this[13]=p,this[14]=g,this[15]=m,this.check()}setRowMajor(t,e,n,r,o,s,a,c,l,f,h,u,d,p,g,m){return this[0]=t,this[1]=o,this[2]=l,this[3]=d,this[4]=e,this[5]=s,this[6]=f,this[7]=p,this[8]=n,this[9]=a,this[10]=h,this[11]=g,this[12]=r,this[13]=c,this[14]=u,this[15]=m,this.check()}toRowMajor(t){return t[0]=this[0],t[1]=this[4],t[2]=this[8],t[3]=this[12],t[4]=this[1],t[5]=this[5],t[6]=this[9],t[7]=this[13],t[8]=this[2],t[9]=this[6],t[10]=this[10],t[11]=this[14],t[12]=this[3],t[13]=this[7],t[14]=this[11],t[15]=this[15],t}identity(){return this.copy(Y0)}fromObject(t){return this.check()}fromQuaternion(t){return oa(this,t),this.check()}frustum(t){let{left:e,right:n,bottom:r,top:o,near:s=ya,far:a=xa}=t;return a===1/0?Z0(this,e,n,r,o,s):sa(this,e,n,r,o,s,a),this.check()}lookAt(t){let{eye:e,center:n=[0,0,0],up:r=[0,1,0]}=t;return la(this,e,n,r),this.check()}ortho(t){let{left:e,right:n,bottom:r,top:o,near:s=ya,far:a=xa}=t;return ca(this,e,n,r,o,s,a),this.check()}orthographic(t){let{fovy:e=G0,aspect:n=W0,focalDistance:r=1,near:o=ya,far:s=xa}=t;Rf(e);let a=e/2,c=r*Math.tan(a),l=c*n;return this.ortho({left:-l,right:l,bottom:-c,top:c,near:o,far:s})}perspective(t){let{fovy:e=45*Math.PI/180,aspect:n=1,near:r=.1,far:o=500}=t;return Rf(e),aa(this,e,n,r,o),this.check()}determinant(){return Js(this)}getScale(t=[-0,-0,-0]){return t[0]=Math.sqrt(this[0]*this[0]+this[1]*this[1]+this[2]*this[2]),t[1]=Math.sqrt(this[4]*this[4]+this[5]*this[5]+this[6]*this[6]),t[2]=Math.sqrt(this[8]*this[8]+this[9]*this[9]+this[10]*this[10]),t}getTranslation(t=[-0,-0,-0]){return t[0]=this[12],t[1]=this[13],t[2]=this[14],t}getRotation(t,e){t=t||[-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0],e=e||[-0,-0,-0];let n=this.getScale(e),r=1/n[0],o=1/n[1],s=1/n[2];return t[0]=this[0]*r,t[1]=this[1]*o,t[2]=this[2]*s,t[3]=0,t[4]=this[4]*r,t[5]=this[5]*o,t[6]=this[6]*s,t[7]=0,t[8]=this[8]*r,t[9]=this[9]*o,t[10]=this[10]*s,t[11]=0,t[12]=0,t[13]=0,t[14]=0,t[15]=1,t}getRotationMatrix3(t,e){t=t||[-0,-0,-0,-0,-0,-0,-0,-0,-0],e=e||[-0,-0,-0];let n=this.getScale(e),r=1/n[0],o=1/n[1],s=1/n[2];return t[0]=this[0]*r,t[1]=this[1]*o,t[2]=this[2]*s,t[3]=this[4]*r,t[4]=this[5]*o,t[5]=this[6]*s,t[6]=this[8]*r,t[7]=this[9]*o,t[8]=this[10]*s,t}transpose(){return Xs(this,this),this.check()}invert(){return Ks(this,this),this.check()}multiplyLeft(t){return Yi(this,t,this),this.check()}multiplyRight(t){return Yi(this,this,t),this.check()}rotateX(t){return ia(this,this,t),this.check()}rotateY(t){return na(this,this,t),this.check()}rotateZ(t){return ra(this,this,t),this.check()}rotateXYZ(t){return this.rotateX(t[0]).rotateY(t[1]).rotateZ(t[2])}rotateAxis(t,e){return ea(this,this,t,e),this.check()}scale(t){return ta(this,this,Array.isArray(t)?t:[t,t,t]),this.check()}translate(t){return Qs(this,this,t),this.check()}transform(t,e){return t.length===4?(e=ga(e||[-0,-0,-0,-0],t,this),Je(e,4),e):this.transformAsPoint(t,e)}transformAsPoint(t,e){let{length:n}=t,r;switch(n){case 2:r=Us(e||[-0,-0],t,this);break;case 3:r=Te(e||[-0,-0,-0],t,this);break;default:throw new Error("Illegal vector")}return Je(r,t.length),r}transformAsVector(t,e){let n;switch(t.length){case 2:n=ef(e||[-0,-0],t,this);break;case 3:n=kr(e||[-0,-0,-0],t,this);break;default:throw new Error("Illegal vector")}return Je(n,t.length),n}transformPoint(t,e){return this.transformAsPoint(t,e)}transformVector(t,e){return this.transformAsPoint(t,e)}transformDirection(t,e){return this.transformAsVector(t,e)}makeRotationX(t){return this.identity().rotateX(t)}makeTranslation(t,e,n){return this.identity().translate([t,e,n])}},Gr,Wr;function $0(){return Gr||(Gr=new X([0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]),Object.freeze(Gr)),Gr}function H0(){return Wr||(Wr=new X,Object.freeze(Wr)),Wr}function Rf(i){if(i>Math.PI*2)throw Error("expected radians")}function Z0(i,t,e,n,r,o){let s=2*o/(e-t),a=2*o/(r-n),c=(e+t)/(e-t),l=(r+n)/(r-n),f=-1,h=-1,u=-2*o;return i[0]=s,i[1]=0,i[2]=0,i[3]=0,i[4]=0,i[5]=a,i[6]=0,i[7]=0,i[8]=c,i[9]=l,i[10]=f,i[11]=h,i[12]=0,i[13]=0,i[14]=u,i[15]=0,i}function Of(){let i=new V(4);return V!=Float32Array&&(i[0]=0,i[1]=0,i[2]=0),i[3]=1,i}function kf(i){return i[0]=0,i[1]=0,i[2]=0,i[3]=1,i}function _a(i,t,e){e=e*.5;let n=Math.sin(e);return i[0]=n*t[0],i[1]=n*t[1],i[2]=n*t[2],i[3]=Math.cos(e),i}function Pa(i,t,e){let n=t[0],r=t[1],o=t[2],s=t[3],a=e[0],c=e[1],l=e[2],f=e[3];return i[0]=n*f+s*a+r*l-o*c,i[1]=r*f+s*c+o*a-n*l,i[2]=o*f+s*l+n*c-r*a,i[3]=s*f-n*a-r*c-o*l,i}function Df(i,t,e){e*=.5;let n=t[0],r=t[1],o=t[2],s=t[3],a=Math.sin(e),c=Math.cos(e);return i[0]=n*c+s*a,i[1]=r*c+o*a,i[2]=o*c-r*a,i[3]=s*c-n*a,i}function zf(i,t,e){e*=.5;let n=t[0],r=t[1],o=t[2],s=t[3],a=Math.sin(e),c=Math.cos(e);return i[0]=n*c-o*a,i[1]=r*c+s*a,i[2]=o*c+n*a,i[3]=s*c-r*a,i}function Nf(i,t,e){e*=.5;let n=t[0],r=t[1],o=t[2],s=t[3],a=Math.sin(e),c=Math.cos(e);return i[0]=n*c+r*a,i[1]=r*c-n*a,i[2]=o*c+s*a,i[3]=s*c-o*a,i}function Bf(i,t){let e=t[0],n=t[1],r=t[2];return i[0]=e,i[1]=n,i[2]=r,i[3]=Math.sqrt(Math.abs(1-e*e-n*n-r*r)),i}function $i(i,t,e,n){let r=t[0],o=t[1],s=t[2],a=t[3],c=e[0],l=e[1],f=e[2],h=e[3],u,d,p,g,m;return u=r*c+o*l+s*f+a*h,u<0&&(u=-u,c=-c,l=-l,f=-f,h=-h),1-u>1e-6?(d=Math.acos(u),m=Math.sin(d),p=Math.sin((1-n)*d)/m,g=Math.sin(n*d)/m):(p=1-n,g=n),i[0]=p*r+g*c,i[1]=p*o+g*l,i[2]=p*s+g*f,i[3]=p*a+g*h,i}function jf(i,t){let e=t[0],n=t[1],r=t[2],o=t[3],s=e*e+n*n+r*r+o*o,a=s?1/s:0;return i[0]=-e*a,i[1]=-n*a,i[2]=-r*a,i[3]=o*a,i}function Vf(i,t){return i[0]=-t[0],i[1]=-t[1],i[2]=-t[2],i[3]=t[3],i}function wa(i,t){let e=t[0]+t[4]+t[8],n;if(e>0)n=Math.sqrt(e+1),i[3]=.5*n,n=.5/n,i[0]=(t[5]-t[7])*n,i[1]=(t[6]-t[2])*n,i[2]=(t[1]-t[3])*n;else{let r=0;t[4]>t[0]&&(r=1),t[8]>t[r*3+r]&&(r=2);let o=(r+1)%3,s=(r+2)%3;n=Math.sqrt(t[r*3+r]-t[o*3+o]-t[s*3+s]+1),i[r]=.5*n,n=.5/n,i[3]=(t[o*3+s]-t[s*3+o])*n,i[o]=(t[o*3+r]+t[r*3+o])*n,i[s]=(t[s*3+r]+t[r*3+s])*n}return i}var Uf=fa;var Ff=ha,Gf=da,Wf=pa,Yf=Ur;var $f=Fr;var Hf=ua;var Zf=(function(){let i=Dr(),t=zr(1,0,0),e=zr(0,1,0);return function(n,r,o){let s=Gi(r,o);return s<-.999999?(Ce(i,t,r),Zs(i)<1e-6&&Ce(i,e,r),Fs(i,i),_a(n,i,Math.PI),n):s>.999999?(n[0]=0,n[1]=0,n[2]=0,n[3]=1,n):(Ce(i,r,o),n[0]=i[0],n[1]=i[1],n[2]=i[2],n[3]=1+s,Hf(n,n))}})(),wM=(function(){let i=Of(),t=Of();return function(e,n,r,o,s,a){return $i(i,n,s,a),$i(t,r,o,a),$i(e,i,t,2*a*(1-a)),e}})(),bM=(function(){let i=df();return function(t,e,n,r){return i[0]=n[0],i[3]=n[1],i[6]=n[2],i[1]=r[0],i[4]=r[1],i[7]=r[2],i[2]=-e[0],i[5]=-e[1],i[8]=-e[2],Hf(t,wa(t,i))}})();var X0=[0,0,0,1],Hi=class extends he{constructor(t=0,e=0,n=0,r=1){super(-0,-0,-0,-0),Array.isArray(t)&&arguments.length===1?this.copy(t):this.set(t,e,n,r)}copy(t){return this[0]=t[0],this[1]=t[1],this[2]=t[2],this[3]=t[3],this.check()}set(t,e,n,r){return this[0]=t,this[1]=e,this[2]=n,this[3]=r,this.check()}fromObject(t){return this[0]=t.x,this[1]=t.y,this[2]=t.z,this[3]=t.w,this.check()}fromMatrix3(t){return wa(this,t),this.check()}fromAxisRotation(t,e){return _a(this,t,e),this.check()}identity(){return kf(this),this.check()}setAxisAngle(t,e){return this.fromAxisRotation(t,e)}get ELEMENTS(){return 4}get x(){return this[0]}set x(t){this[0]=N(t)}get y(){return this[1]}set y(t){this[1]=N(t)}get z(){return this[2]}set z(t){this[2]=N(t)}get w(){return this[3]}set w(t){this[3]=N(t)}len(){return Yf(this)}lengthSquared(){return $f(this)}dot(t){return Gf(this,t)}rotationTo(t,e){return Zf(this,t,e),this.check()}add(t){return Uf(this,this,t),this.check()}calculateW(){return Bf(this,this),this.check()}conjugate(){return Vf(this,this),this.check()}invert(){return jf(this,this),this.check()}lerp(t,e,n){return n===void 0?this.lerp(this,t,e):(Wf(this,t,e,n),this.check())}multiplyRight(t){return Pa(this,this,t),this.check()}multiplyLeft(t){return Pa(this,t,this),this.check()}normalize(){let t=this.len(),e=t>0?1/t:0;return this[0]=this[0]*e,this[1]=this[1]*e,this[2]=this[2]*e,this[3]=this[3]*e,t===0&&(this[3]=1),this.check()}rotateX(t){return Df(this,this,t),this.check()}rotateY(t){return zf(this,this,t),this.check()}rotateZ(t){return Nf(this,this,t),this.check()}scale(t){return Ff(this,this,t),this.check()}slerp(t,e,n){let r,o,s;switch(arguments.length){case 1:({start:r=X0,target:o,ratio:s}=t);break;case 2:r=this,o=t,s=e;break;default:r=t,o=e,s=n}return $i(this,r,o,s),this.check()}transformVector4(t,e=new jr){return ma(e,t,this),Je(e,4)}lengthSq(){return this.lengthSquared()}setFromAxisAngle(t,e){return this.setAxisAngle(t,e)}premultiply(t){return this.multiplyLeft(t)}multiply(t){return this.multiplyRight(t)}};var K0=`struct LayerUniforms {
  opacity: f32,
};

@group(0) @binding(auto)
var<uniform> layer: LayerUniforms;
`,qf=`layout(std140) uniform layerUniforms {
  uniform float opacity;
} layer;
`,ba={name:"layer",source:K0,vs:qf,fs:qf,getUniforms:i=>({opacity:Math.pow(i.opacity,.45454545454545453)}),uniformTypes:{opacity:"f32"}};var J0=`

@must_use
fn deckgl_premultiplied_alpha(fragColor: vec4<f32>) -> vec4<f32> {
    return vec4(fragColor.rgb * fragColor.a, fragColor.a); 
};
`,Bt={name:"color",dependencies:[],source:J0,getUniforms:i=>({})};var Q0=`const SMOOTH_EDGE_RADIUS: f32 = 0.5;

struct VertexGeometry {
  position: vec4<f32>,
  worldPosition: vec3<f32>,
  worldPositionAlt: vec3<f32>,
  normal: vec3<f32>,
  uv: vec2<f32>,
  pickingColor: vec3<f32>,
};

var<private> geometry_: VertexGeometry = VertexGeometry(
  vec4<f32>(0.0, 0.0, 1.0, 0.0),
  vec3<f32>(0.0, 0.0, 0.0),
  vec3<f32>(0.0, 0.0, 0.0),
  vec3<f32>(0.0, 0.0, 0.0),
  vec2<f32>(0.0, 0.0),
  vec3<f32>(0.0, 0.0, 0.0)
);

struct FragmentGeometry {
  uv: vec2<f32>,
};

var<private> fragmentGeometry: FragmentGeometry;

fn smoothedge(edge: f32, x: f32) -> f32 {
  return smoothstep(edge - SMOOTH_EDGE_RADIUS, edge + SMOOTH_EDGE_RADIUS, x);
}
`,Xf="#define SMOOTH_EDGE_RADIUS 0.5",ty=`${Xf}

struct VertexGeometry {
  vec4 position;
  vec3 worldPosition;
  vec3 worldPositionAlt;
  vec3 normal;
  vec2 uv;
  vec3 pickingColor;
} geometry = VertexGeometry(
  vec4(0.0, 0.0, 1.0, 0.0),
  vec3(0.0),
  vec3(0.0),
  vec3(0.0),
  vec2(0.0),
  vec3(0.0)
);
`,ey=`${Xf}

struct FragmentGeometry {
  vec2 uv;
};
FragmentGeometry geometry;

float smoothedge(float edge, float x) {
  return smoothstep(edge - SMOOTH_EDGE_RADIUS, edge + SMOOTH_EDGE_RADIUS, x);
}
`,Yr={name:"geometry",source:Q0,vs:ty,fs:ey};var A;(function(i){i[i.Start=1]="Start",i[i.Move=2]="Move",i[i.End=4]="End",i[i.Cancel=8]="Cancel"})(A||(A={}));var U;(function(i){i[i.None=0]="None",i[i.Left=1]="Left",i[i.Right=2]="Right",i[i.Up=4]="Up",i[i.Down=8]="Down",i[i.Horizontal=3]="Horizontal",i[i.Vertical=12]="Vertical",i[i.All=15]="All"})(U||(U={}));var E;(function(i){i[i.Possible=1]="Possible",i[i.Began=2]="Began",i[i.Changed=4]="Changed",i[i.Ended=8]="Ended",i[i.Recognized=8]="Recognized",i[i.Cancelled=16]="Cancelled",i[i.Failed=32]="Failed"})(E||(E={}));var Kf="compute",Ea="auto",Le="manipulation",Ae="none",Zi="pan-x",qi="pan-y";function Ma(i){if(i.includes(Ae))return Ae;let t=i.includes(Zi),e=i.includes(qi);return t&&e?Ae:t||e?t?Zi:qi:i.includes(Le)?Le:Ea}var Xi=class{constructor(t,e){this.actions="",this.manager=t,this.set(e)}set(t){t===Kf&&(t=this.compute()),this.manager.element&&(this.manager.element.style.touchAction=t,this.actions=t)}update(){this.set(this.manager.options.touchAction)}compute(){let t=[];for(let e of this.manager.recognizers)e.options.enable&&(t=t.concat(e.getTouchAction()));return Ma(t.join(" "))}};function ei(i){return i.trim().split(/\s+/g)}function $r(i,t,e){if(i)for(let n of ei(t))i.addEventListener(n,e,!1)}function Hr(i,t,e){if(i)for(let n of ei(t))i.removeEventListener(n,e,!1)}function Sa(i){return(i.ownerDocument||i).defaultView}function Ca(i,t){let e=i;for(;e;){if(e===t)return!0;e=e.parentNode}return!1}function Zr(i){let t=i.length;if(t===1)return{x:Math.round(i[0].clientX),y:Math.round(i[0].clientY)};let e=0,n=0,r=0;for(;r<t;)e+=i[r].clientX,n+=i[r].clientY,r++;return{x:Math.round(e/t),y:Math.round(n/t)}}function Ta(i){let t=[],e=0;for(;e<i.pointers.length;)t[e]={clientX:Math.round(i.pointers[e].clientX),clientY:Math.round(i.pointers[e].clientY)},e++;return{timeStamp:Date.now(),pointers:t,center:Zr(t),deltaX:i.deltaX,deltaY:i.deltaY}}function ii(i,t){let e=t.x-i.x,n=t.y-i.y;return Math.sqrt(e*e+n*n)}function Ki(i,t){let e=t.clientX-i.clientX,n=t.clientY-i.clientY;return Math.sqrt(e*e+n*n)}function Jf(i,t){let e=t.x-i.x,n=t.y-i.y;return Math.atan2(n,e)*180/Math.PI}function La(i,t){let e=t.clientX-i.clientX,n=t.clientY-i.clientY;return Math.atan2(n,e)*180/Math.PI}function ni(i,t){return i===t?U.None:Math.abs(i)>=Math.abs(t)?i<0?U.Left:U.Right:t<0?U.Up:U.Down}function Qf(i,t){let e=t.center,n=i.offsetDelta,r=i.prevDelta,o=i.prevInput;return(t.eventType===A.Start||o?.eventType===A.End)&&(r=i.prevDelta={x:o?.deltaX||0,y:o?.deltaY||0},n=i.offsetDelta={x:e.x,y:e.y}),{deltaX:r.x+(e.x-n.x),deltaY:r.y+(e.y-n.y)}}function qr(i,t,e){return{x:t/i||0,y:e/i||0}}function th(i,t){return Ki(t[0],t[1])/Ki(i[0],i[1])}function eh(i,t){return La(t[1],t[0])-La(i[1],i[0])}function ih(i,t){let e=i.lastInterval||t,n=t.timeStamp-e.timeStamp,r,o,s,a;if(t.eventType!==A.Cancel&&(n>25||e.velocity===void 0)){let c=t.deltaX-e.deltaX,l=t.deltaY-e.deltaY,f=qr(n,c,l);o=f.x,s=f.y,r=Math.abs(f.x)>Math.abs(f.y)?f.x:f.y,a=ni(c,l),i.lastInterval=t}else r=e.velocity,o=e.velocityX,s=e.velocityY,a=e.direction;t.velocity=r,t.velocityX=o,t.velocityY=s,t.direction=a}function Aa(i,t){return"pointerId"in i?i.pointerId:t}function nh(i,t){i.movementOrigin=new Map(t.map((e,n)=>[Aa(e,n),{clientX:e.clientX,clientY:e.clientY}])),i.firstMovementTime=void 0}function ny(i,t){let e=t.pointers.map(Aa);if(i.movementOrigin?.size===e.length&&e.every(r=>i.movementOrigin.has(r))||nh(i,t.pointers),t.distancePerPointer=t.pointers.map((r,o)=>Ki(i.movementOrigin.get(e[o]),r)),t.eventType&A.Move&&t.distancePerPointer.some(r=>r>0)&&(i.firstMovementTime??(i.firstMovementTime=t.timeStamp)),t.movementDeltaTime=i.firstMovementTime===void 0?0:t.timeStamp-i.firstMovementTime,t.eventType&(A.End|A.Cancel)){let r=t.changedPointers.map(o=>Aa(o,t.pointers.indexOf(o)));nh(i,t.pointers.filter((o,s)=>!r.includes(e[s])))}}function rh(i,t){let{session:e}=i,{pointers:n}=t,{length:r}=n;e.firstInput||(e.firstInput=Ta(t)),r>1&&!e.firstMultiple?e.firstMultiple=Ta(t):r===1&&(e.firstMultiple=!1);let{firstInput:o,firstMultiple:s}=e,a=s?s.center:o.center,c=t.center=Zr(n);t.timeStamp=Date.now(),t.deltaTime=t.timeStamp-o.timeStamp,ny(e,t),t.angle=Jf(a,c),t.distance=ii(a,c);let{deltaX:l,deltaY:f}=Qf(e,t);t.deltaX=l,t.deltaY=f,t.offsetDirection=ni(t.deltaX,t.deltaY);let h=qr(t.deltaTime,t.deltaX,t.deltaY);t.overallVelocityX=h.x,t.overallVelocityY=h.y,t.overallVelocity=Math.abs(h.x)>Math.abs(h.y)?h.x:h.y,t.scale=s?th(s.pointers,n):1,t.rotation=s?eh(s.pointers,n):0,t.maxPointers=e.prevInput?t.pointers.length>e.prevInput.maxPointers?t.pointers.length:e.prevInput.maxPointers:t.pointers.length;let u=i.element;return Ca(t.srcEvent.target,u)&&(u=t.srcEvent.target),t.target=u,ih(e,t),t}function oh(i,t,e){let n=e.pointers.length,r=e.changedPointers.length,o=t&A.Start&&n-r===0,s=t&(A.End|A.Cancel)&&n-r===0;e.isFirst=!!o,e.isFinal=!!s,o&&(i.session={}),e.eventType=t;let a=rh(i,e);i.emit("hammer.input",a),i.recognize(a),i.session.prevInput=a}var Ji=class{constructor(t){this.evEl="",this.evWin="",this.evTarget="",this.domHandler=e=>{this.manager.options.enable&&this.handler(e)},this.manager=t,this.element=t.element,this.target=t.options.inputTarget||t.element}callback(t,e){oh(this.manager,t,e)}init(){$r(this.element,this.evEl,this.domHandler),$r(this.target,this.evTarget,this.domHandler),$r(Sa(this.element),this.evWin,this.domHandler)}destroy(){Hr(this.element,this.evEl,this.domHandler),Hr(this.target,this.evTarget,this.domHandler),Hr(Sa(this.element),this.evWin,this.domHandler)}};var ry={pointerdown:A.Start,pointermove:A.Move,pointerup:A.End,pointercancel:A.Cancel,pointerout:A.Cancel},oy="pointerdown",sy="pointermove pointerup pointercancel",Qi=class extends Ji{constructor(t){super(t),this.evEl=oy,this.evWin=sy,this.store=this.manager.session.pointerEvents=[],this.init()}handler(t){let{store:e}=this,n=!1,r=ry[t.type],o=t.pointerType,s=o==="touch",a=e.findIndex(c=>c.pointerId===t.pointerId);r&A.Start&&(t.buttons||s)?a<0&&(e.push(t),a=e.length-1):r&(A.End|A.Cancel)&&(n=!0),!(a<0)&&(e[a]=t,this.callback(r,{pointers:e,changedPointers:[t],eventType:r,pointerType:o,srcEvent:t}),n&&e.splice(a,1))}};var ay=["","webkit","Moz","MS","ms","o"];function sh(i,t){let e=t[0].toUpperCase()+t.slice(1);for(let n of ay){let r=n?n+e:t;if(r in i)return r}}var cy=1,ah=2,ch={touchAction:"compute",enable:!0,inputTarget:null,cssProps:{userSelect:"none",userDrag:"none",touchCallout:"none",tapHighlightColor:"rgba(0,0,0,0)"}},tn=class{constructor(t,e){this.options={...ch,...e,cssProps:{...ch.cssProps,...e.cssProps},inputTarget:e.inputTarget||t},this.handlers={},this.session={},this.recognizers=[],this.oldCssProps={},this.element=t,this.input=new Qi(this),this.touchAction=new Xi(this,this.options.touchAction),this.toggleCssProps(!0)}set(t){return Object.assign(this.options,t),t.touchAction&&this.touchAction.update(),t.inputTarget&&(this.input.destroy(),this.input.target=t.inputTarget,this.input.init()),this}stop(t){this.session.stopped=t?ah:cy}recognize(t){let{session:e}=this;if(e.stopped)return;this.session.prevented&&t.srcEvent.preventDefault();let n,{recognizers:r}=this,{curRecognizer:o}=e;(!o||o&&o.state&E.Recognized)&&(o=e.curRecognizer=null);let s=0;for(;s<r.length;)n=r[s],e.stopped!==ah&&(!o||n===o||n.canRecognizeWith(o))?n.recognize(t):n.reset(),!o&&n.state&(E.Began|E.Changed|E.Ended)&&(o=e.curRecognizer=n),s++}get(t){let{recognizers:e}=this;for(let n=0;n<e.length;n++)if(e[n].options.event===t)return e[n];return null}add(t){if(Array.isArray(t)){for(let n of t)this.add(n);return this}let e=this.get(t.options.event);return e&&this.remove(e),this.recognizers.push(t),t.manager=this,this.touchAction.update(),t}remove(t){if(Array.isArray(t)){for(let n of t)this.remove(n);return this}let e=typeof t=="string"?this.get(t):t;if(e){let{recognizers:n}=this,r=n.indexOf(e);r!==-1&&(n.splice(r,1),this.touchAction.update())}return this}on(t,e){if(!t||!e)return;let{handlers:n}=this;for(let r of ei(t))n[r]=n[r]||[],n[r].push(e)}off(t,e){if(!t)return;let{handlers:n}=this;for(let r of ei(t))e?n[r]&&n[r].splice(n[r].indexOf(e),1):delete n[r]}emit(t,e){let n=this.handlers[t]&&this.handlers[t].slice();if(!n||!n.length)return;let r=e;r.type=t,r.preventDefault=function(){e.srcEvent.preventDefault()};let o=0;for(;o<n.length;)n[o](r),o++}destroy(){this.toggleCssProps(!1),this.handlers={},this.session={},this.input.destroy(),this.element=null}toggleCssProps(t){let{element:e}=this;if(e){for(let[n,r]of Object.entries(this.options.cssProps)){let o=sh(e.style,n);t?(this.oldCssProps[o]=e.style[o],e.style[o]=r):e.style[o]=this.oldCssProps[o]||""}t||(this.oldCssProps={})}}};var ly=1;function lh(){return ly++}function Ia(i){return i&E.Cancelled?"cancel":i&E.Ended?"end":i&E.Changed?"move":i&E.Began?"start":""}var bt=class{constructor(t){this.options=t,this.id=lh(),this.state=E.Possible,this.simultaneous={},this.requireFail=[]}set(t){return Object.assign(this.options,t),this.manager.touchAction.update(),this}recognizeWith(t){if(Array.isArray(t)){for(let r of t)this.recognizeWith(r);return this}let e;if(typeof t=="string"){if(e=this.manager.get(t),!e)throw new Error(`Cannot find recognizer ${t}`)}else e=t;let{simultaneous:n}=this;return n[e.id]||(n[e.id]=e,e.recognizeWith(this)),this}dropRecognizeWith(t){if(Array.isArray(t)){for(let n of t)this.dropRecognizeWith(n);return this}let e;return typeof t=="string"?e=this.manager.get(t):e=t,e&&delete this.simultaneous[e.id],this}requireFailure(t){if(Array.isArray(t)){for(let r of t)this.requireFailure(r);return this}let e;if(typeof t=="string"){if(e=this.manager.get(t),!e)throw new Error(`Cannot find recognizer ${t}`)}else e=t;let{requireFail:n}=this;return n.indexOf(e)===-1&&(n.push(e),e.requireFailure(this)),this}dropRequireFailure(t){if(Array.isArray(t)){for(let n of t)this.dropRequireFailure(n);return this}let e;if(typeof t=="string"?e=this.manager.get(t):e=t,e){let n=this.requireFail.indexOf(e);n>-1&&this.requireFail.splice(n,1)}return this}hasRequireFailures(){return!!this.requireFail.find(t=>t.options.enable)}canRecognizeWith(t){return!!this.simultaneous[t.id]}emit(t){if(!t)return;let{state:e}=this;e<E.Ended&&this.manager.emit(this.options.event+Ia(e),t),this.manager.emit(this.options.event,t),t.additionalEvent&&this.manager.emit(t.additionalEvent,t),e>=E.Ended&&this.manager.emit(this.options.event+Ia(e),t)}tryEmit(t){this.canEmit()?this.emit(t):this.state=E.Failed}canEmit(){let t=0;for(;t<this.requireFail.length;){if(!(this.requireFail[t].state&(E.Failed|E.Possible)))return!1;t++}return!0}recognize(t){let e={...t};if(!this.options.enable){this.reset(),this.state=E.Failed;return}this.state&(E.Recognized|E.Cancelled|E.Failed)&&(this.state=E.Possible),this.state=this.process(e),this.state&(E.Began|E.Changed|E.Ended|E.Cancelled)&&this.tryEmit(e)}getEventNames(){return[this.options.event]}reset(){}};function fy(i){return Math.abs(((i+180)%360+360)%360-180)}function hy(i,t){return(t.distance===void 0||i.distance>=t.distance)&&(t.distancePerPointer===void 0||i.distancePerPointer.length>0&&i.distancePerPointer.every(e=>e>=t.distancePerPointer))&&(t.movementDeltaTime===void 0||i.movementDeltaTime>=t.movementDeltaTime)&&(t.rotation===void 0||fy(i.rotation)>=t.rotation)&&(t.scale===void 0||Math.abs(i.scale-1)>=t.scale)}var Ie=class extends bt{attrTest(t){let e=this.options.pointers;return e===0||t.pointers.length===e}coherentTest(t){let e=this.options.coherent;return!e?.length||e.some(n=>hy(t,n))}process(t){let{state:e}=this,{eventType:n}=t,r=e&(E.Began|E.Changed),o=this.attrTest(t);return r&&(n&A.Cancel||!o)?e|E.Cancelled:r||o?n&A.End?e|E.Ended:e&E.Began?e|E.Changed:E.Began:E.Failed}};var uy=["","start","move","end","cancel"],ri=class extends bt{constructor(t={}){super({enable:!0,event:"doubleclickdrag",pointers:1,interval:500,time:350,threshold:28,dragThreshold:1,pixelsPerScale:120,...t}),this._tapStart=null,this._lastTap=null,this._drag=null,this._emittedStart=!1}getTouchAction(){return[Le]}getEventNames(){return uy.map(t=>this.options.event+t)}process(t){let{options:e}=this;return t.pointers.length===e.pointers?t.eventType&A.Start?this._handleStart(t):t.eventType&A.Move?this._handleMove(t):t.eventType&A.Cancel?this._handleEnd(t,!0):t.eventType&A.End?this._handleEnd(t,!1):E.Failed:(this.reset(),E.Failed)}reset(){this._tapStart=null,this._lastTap=null,this._drag=null,this._emittedStart=!1}emit(t){if(t){if(this.state===E.Began){if(!this._drag?.active||this._emittedStart)return;this._emittedStart=!0,this.manager.emit(`${this.options.event}start`,t),this.manager.emit(this.options.event,t);return}if(this.state===E.Changed){if(!this._emittedStart)return;this.manager.emit(`${this.options.event}move`,t),this.manager.emit(this.options.event,t);return}if(this.state===E.Ended){if(!this._emittedStart)return;this.manager.emit(this.options.event,t),this.manager.emit(`${this.options.event}end`,t),this._emittedStart=!1;return}if(this.state===E.Cancelled){if(!this._emittedStart)return;this.manager.emit(this.options.event,t),this.manager.emit(`${this.options.event}cancel`,t),this._emittedStart=!1}}}_handleStart(t){let e=this._getPointerId(t);return this._lastTap&&this._isTapMatch(t,this._lastTap)?(this._tapStart=null,this._lastTap=null,this._drag={startCenter:t.center,pointerId:e,active:!1},this._emittedStart=!1,E.Began):(this._tapStart={center:t.center,timeStamp:t.timeStamp,pointerId:e},this._lastTap=null,this._drag=null,this._emittedStart=!1,E.Failed)}_handleMove(t){if(!this._drag||!this._isSamePointer(t,this._drag.pointerId))return E.Failed;let e=this._drag.startCenter.y-t.center.y;return!this._drag.active&&Math.abs(e)<this.options.dragThreshold?E.Began:(this._drag.active=!0,t.scale=Math.pow(2,e/this.options.pixelsPerScale),this._emittedStart?E.Changed:E.Began)}_handleEnd(t,e){if(this._drag&&this._isSamePointer(t,this._drag.pointerId)){let{active:n,startCenter:r}=this._drag;if(this._drag=null,this._tapStart=null,this._lastTap=null,!n)return this._emittedStart=!1,E.Failed;let o=r.y-t.center.y;return t.scale=Math.pow(2,o/this.options.pixelsPerScale),e?E.Cancelled:E.Ended}return!this._tapStart||!this._isSamePointer(t,this._tapStart.pointerId)?(e&&this.reset(),E.Failed):(this._isValidTap(t)?this._lastTap={center:t.center,timeStamp:t.timeStamp,pointerId:this._tapStart.pointerId}:this._lastTap=null,this._tapStart=null,E.Failed)}_isTapMatch(t,e){return t.timeStamp-e.timeStamp<=this.options.interval&&ii(t.center,e.center)<=this.options.threshold}_isValidTap(t){return t.deltaTime<=this.options.time&&t.distance<=this.options.threshold}_getPointerId(t){return"pointerId"in t.srcEvent?t.srcEvent.pointerId:null}_isSamePointer(t,e){return e===null||this._getPointerId(t)===e}};var Re=class extends bt{constructor(t={}){super({enable:!0,event:"tap",pointers:1,taps:1,interval:300,time:250,threshold:9,posThreshold:10,...t}),this.pTime=null,this.pCenter=null,this._timer=null,this._input=null,this.count=0}getTouchAction(){return[Le]}process(t){let{options:e}=this,n=t.pointers.length===e.pointers,r=t.distance<e.threshold,o=t.deltaTime<e.time;if(this.reset(),t.eventType&A.Start&&this.count===0)return this.failTimeout();if(r&&o&&n){if(t.eventType!==A.End)return this.failTimeout();let s=this.pTime?t.timeStamp-this.pTime<e.interval:!0,a=!this.pCenter||ii(this.pCenter,t.center)<e.posThreshold;if(this.pTime=t.timeStamp,this.pCenter=t.center,!a||!s?this.count=1:this.count+=1,this._input=t,this.count%e.taps===0)return this.hasRequireFailures()?(this._timer=setTimeout(()=>{this.state=E.Recognized,this.tryEmit(this._input)},e.interval),E.Began):E.Recognized}return E.Failed}failTimeout(){return this._timer=setTimeout(()=>{this.state=E.Failed},this.options.interval),E.Failed}reset(){clearTimeout(this._timer)}emit(t){this.state===E.Recognized&&(t.tapCount=this.count,this.manager.emit(this.options.event,t))}};var oi=class extends Ie{constructor(){super(...arguments),this.wheelSession=null,this.wheelSessionUnsubscribe=null,this.handleWheelSessionEvent=t=>{t.device==="trackpad"&&this.handleTrackpadEvent(t)}}set(t){let{wheelSession:e,...n}=t;return e&&e!==this.wheelSession&&(this.wheelSessionUnsubscribe?.(),this.wheelSessionUnsubscribe=null,this.wheelSession=e),super.set(n),this.updateWheelSessionSubscription(),this}getTrackpadInput(t,e={}){let{srcEvent:n}=t,r=e.deltaX??t.deltaX,o=e.deltaY??t.deltaY,s=ni(r,o),a=Math.sqrt(t.deltaX*t.deltaX+t.deltaY*t.deltaY),c=n;return{pointers:[c,c],changedPointers:[c,c],pointerType:"trackpad",srcEvent:c,eventType:t.eventType,timeStamp:t.timeStamp,deltaTime:t.deltaTime,center:t.center,deltaX:r,deltaY:o,angle:Math.atan2(o,r)*180/Math.PI,distance:Math.sqrt(r*r+o*o),distancePerPointer:[a,a],movementDeltaTime:t.deltaTime,scale:1,rotation:0,direction:s,offsetDirection:s,velocity:t.velocity,velocityX:t.velocityX,velocityY:t.velocityY,overallVelocity:t.overallVelocity,overallVelocityX:t.overallVelocityX,overallVelocityY:t.overallVelocityY,maxPointers:2,target:n.target||this.manager.element,additionalEvent:"",...e}}updateWheelSessionSubscription(){let t=!!(this.wheelSession&&this.options.enable&&this.options.trackpad&&this.options.pointers===2);t&&!this.wheelSessionUnsubscribe?this.wheelSessionUnsubscribe=this.wheelSession.on(this.handleWheelSessionEvent):!t&&this.wheelSessionUnsubscribe&&(this.wheelSessionUnsubscribe(),this.wheelSessionUnsubscribe=null)}};var dy=["","start","move","end","cancel","up","down","left","right"],ue=class extends oi{constructor(t={}){super({enable:!0,pointers:1,event:"pan",threshold:10,direction:U.All,trackpad:!1,coherent:[],...t}),this.trackpadGesture=!1,this.pX=null,this.pY=null}getTouchAction(){let{options:{direction:t}}=this,e=[];return t&U.Horizontal&&e.push(qi),t&U.Vertical&&e.push(Zi),e}getEventNames(){return dy.map(t=>this.options.event+t)}directionTest(t){let{options:e}=this,n=!0,{distance:r}=t,{direction:o}=t,s=t.deltaX,a=t.deltaY;return o&e.direction||(e.direction&U.Horizontal?(o=s===0?U.None:s<0?U.Left:U.Right,n=s!==this.pX,r=Math.abs(t.deltaX)):(o=a===0?U.None:a<0?U.Up:U.Down,n=a!==this.pY,r=Math.abs(t.deltaY))),t.direction=o,n&&r>e.threshold&&!!(o&e.direction)}attrTest(t){let e=!!(this.state&E.Began),n=!(this.options.coherent?.length&&t.eventType&(A.End|A.Cancel));return super.attrTest(t)&&(e||n&&this.coherentTest(t)&&this.directionTest(t))}emit(t){this.pX=t.deltaX,this.pY=t.deltaY;let e=U[t.direction].toLowerCase();e&&(t.additionalEvent=this.options.event+e),super.emit(t)}handleTrackpadEvent(t){t.isFirst&&(this.trackpadGesture=!t.srcEvent.ctrlKey,!this.trackpadGesture&&this.state&(E.Recognized|E.Cancelled|E.Failed)&&(this.state=E.Possible)),this.trackpadGesture&&(this.recognize(this.getTrackpadInput(t,{deltaX:-t.deltaX,deltaY:-t.deltaY,velocity:-t.velocity,velocityX:-t.velocityX,velocityY:-t.velocityY,overallVelocity:-t.overallVelocity,overallVelocityX:-t.overallVelocityX,overallVelocityY:-t.overallVelocityY})),t.isFinal&&(this.trackpadGesture=!1))}};var py=["","start","move","end","cancel","in","out"],si=class extends oi{constructor(t={}){super({enable:!0,event:"pinch",threshold:0,pointers:2,trackpad:!1,coherent:[],...t}),this.trackpadGesture=!1}getTouchAction(){return[Ae]}getEventNames(){return py.map(t=>this.options.event+t)}attrTest(t){let e=!!this.options.coherent?.length,n=!!(this.state&E.Began),r=!(e&&t.eventType&(A.End|A.Cancel));return super.attrTest(t)&&(n||r&&(e?this.coherentTest(t):Math.abs(t.scale-1)>this.options.threshold))}emit(t){if(t.scale!==1){let e=t.scale<1?"in":"out";t.additionalEvent=this.options.event+e}super.emit(t)}handleTrackpadEvent(t){t.isFirst&&(this.trackpadGesture=t.srcEvent.ctrlKey,!this.trackpadGesture&&this.state&(E.Recognized|E.Cancelled|E.Failed)&&(this.state=E.Possible)),this.trackpadGesture&&(this.recognize(this.getTrackpadInput(t,{deltaX:0,deltaY:0,velocity:0,velocityX:0,velocityY:0,overallVelocity:0,overallVelocityX:0,overallVelocityY:0,scale:Math.exp(-t.deltaY/100)})),t.isFinal&&(this.trackpadGesture=!1))}};var jt=class{constructor(t,e,n){this.element=t,this.callback=e,this.options=n}listen(t,e){e?this.element.addEventListener(t,this.handleEvent,{passive:!1}):this.element.removeEventListener(t,this.handleEvent)}};var fh=typeof navigator<"u"&&navigator.userAgent?navigator.userAgent.toLowerCase():"";var xy=fh.indexOf("firefox")!==-1,vy=40,_y=.25,Xr=class extends jt{constructor(t,e,n){n.enable=n.enable??!1,super(t,e,n),this.handleEvent=r=>{if(!this.options.enable)return;let o=r.deltaY;globalThis.WheelEvent&&(xy&&r.deltaMode===globalThis.WheelEvent.DOM_DELTA_PIXEL&&(o/=globalThis.devicePixelRatio),r.deltaMode===globalThis.WheelEvent.DOM_DELTA_LINE&&(o*=vy)),r.shiftKey&&o&&(o=o*_y),this.callback({type:"wheel",center:{x:r.clientX,y:r.clientY},delta:-o,device:this.options.wheelSession?.device??"unknown",srcEvent:r,pointerType:"mouse",target:r.target})},n.enable&&(this.wheelSessionUnsubscribe=this.options.wheelSession?.on(()=>{}),this.listen("wheel",!0))}destroy(){this.listen("wheel",!1),this.wheelSessionUnsubscribe?.(),this.wheelSessionUnsubscribe=void 0}enableEventType(t,e){t==="wheel"&&this.options.enable!==e&&(this.options.enable=e,e&&!this.wheelSessionUnsubscribe&&(this.wheelSessionUnsubscribe=this.options.wheelSession?.on(()=>{})),this.listen("wheel",e),e||(this.wheelSessionUnsubscribe?.(),this.wheelSessionUnsubscribe=void 0))}};var Py=4.000244140625,hh=40,wy=0,by=1,Ey=40,uh=40,My=120,Sy={classificationDelay:32,endDelay:80},Kr=class{constructor(t,e={}){this.subscriptions=new Map,this.session=null,this.classificationTimer=null,this.endTimer=null,this.pressedControlKeys=new Set,this.listeningForControlKeys=!1,this.handleEvent=n=>{if(!this.hasSubscribers)return"unknown";let r=Ty(n,this.pressedControlKeys.size>0),o=this.session;if(o&&r.timeStamp-o.lastTimeStamp>=this.options.endDelay){if(this.end(),!this.hasSubscribers)return"unknown";o=null}o?(this.scheduleEnd(),this.addSample(o,r)):(o=this.startPendingSession(r),this.scheduleEnd());let{device:s}=o;return s==="unknown"&&(s=Ra(o.samples,!1),s!=="unknown"&&this.begin(o,s)),s},this.finishClassification=()=>{if(this.classificationTimer=null,!this.session||this.session.device!=="unknown")return;let n=this.session,r=Ra(n.samples,!0);this.begin(n,r==="unknown"?"mouse":r)},this.end=()=>{if(!this.session)return;if(this.session.device==="unknown"){let r=this.session,o=Ra(r.samples,!0);this.begin(r,o==="unknown"?"mouse":o)}if(!this.session)return;let n=this.session;this.emit(A.End,n.lastEvent),this.reset()},this.handleKeyDown=n=>{n.key==="Control"&&this.pressedControlKeys.add(n.code||n.key)},this.handleKeyUp=n=>{n.key==="Control"&&(n.code?this.pressedControlKeys.delete(n.code):this.pressedControlKeys.clear())},this.handleWindowBlur=()=>{this.pressedControlKeys.clear()},this.element=t,this.options={...Sy,...e},this.element?.addEventListener("wheel",this.handleEvent,{passive:!0})}get hasSubscribers(){return this.subscriptions.size>0}get device(){return this.session?.device??"unknown"}on(t){let e={listener:t};return this.subscriptions.set(t,e),this.updateControlKeyEventListeners(),()=>{this.subscriptions.get(t)===e&&this.off(t)}}off(t){this.subscriptions.delete(t),this.updateControlKeyEventListeners(),this.hasSubscribers||this.reset()}cancel(){let t=this.session;t&&t.device!=="unknown"&&this.emit(A.Cancel,t.lastEvent),this.reset()}destroy(){this.cancel(),this.subscriptions.clear(),this.updateControlKeyEventListeners(),this.element?.removeEventListener("wheel",this.handleEvent)}startPendingSession(t){let e={samples:[t],device:"unknown",firstTimeStamp:t.timeStamp,lastTimeStamp:t.timeStamp,totalDeltaX:t.deltaX,totalDeltaY:t.deltaY,velocityX:0,velocityY:0,lastEvent:t.event};return this.session=e,this.classificationTimer=globalThis.setTimeout(this.finishClassification,this.options.classificationDelay),e}addSample(t,e){if(t.samples.push(e),t.lastTimeStamp=e.timeStamp,t.lastEvent=e.event,t.totalDeltaX+=e.deltaX,t.totalDeltaY+=e.deltaY,t.device!=="unknown"){let n=t.samples[t.samples.length-2],r=e.timeStamp-n.timeStamp;t.velocityX=r>0?e.deltaX/r:0,t.velocityY=r>0?e.deltaY/r:0,this.emit(A.Move,e.event,{velocityX:t.velocityX,velocityY:t.velocityY})}}begin(t,e){t.device=e,this.clearClassificationTimer(),this.emit(A.Start,t.samples[0].event);let n=t.lastTimeStamp-t.firstTimeStamp;t.velocityX=n>0?t.totalDeltaX/n:0,t.velocityY=n>0?t.totalDeltaY/n:0,this.emit(A.Move,t.lastEvent,{velocityX:t.velocityX,velocityY:t.velocityY})}scheduleEnd(){this.clearEndTimer(),this.endTimer=globalThis.setTimeout(this.end,this.options.endDelay)}emit(t,e,n){let r=this.session;if(!r||r.device==="unknown")return;let o=t===A.Start,s=t===A.End||t===A.Cancel,a=o?r.firstTimeStamp:r.lastTimeStamp,c=o?0:Math.max(0,a-r.firstTimeStamp),l=o?0:r.totalDeltaX,f=o?0:r.totalDeltaY,h=c>0?l/c:0,u=c>0?f/c:0,d=o?0:n?.velocityX??r.velocityX,p=o?0:n?.velocityY??r.velocityY,g={eventType:t,device:r.device,srcEvent:e,timeStamp:a,center:{x:e.clientX,y:e.clientY},deltaX:l,deltaY:f,deltaTime:c,velocity:Math.abs(d)>Math.abs(p)?d:p,velocityX:d,velocityY:p,overallVelocity:Math.abs(h)>Math.abs(u)?h:u,overallVelocityX:h,overallVelocityY:u,isFirst:o,isFinal:s};for(let{listener:m}of[...this.subscriptions.values()])m(g)}reset(){this.clearClassificationTimer(),this.clearEndTimer(),this.session=null}clearClassificationTimer(){this.classificationTimer!==null&&(globalThis.clearTimeout(this.classificationTimer),this.classificationTimer=null)}clearEndTimer(){this.endTimer!==null&&(globalThis.clearTimeout(this.endTimer),this.endTimer=null)}updateControlKeyEventListeners(){let t=this.hasSubscribers,e=Cy();!e||t===this.listeningForControlKeys||(this.listeningForControlKeys=t,t?(e.addEventListener("keydown",this.handleKeyDown,!0),e.addEventListener("keyup",this.handleKeyUp,!0),e.addEventListener("blur",this.handleWindowBlur)):(e.removeEventListener("keydown",this.handleKeyDown,!0),e.removeEventListener("keyup",this.handleKeyUp,!0),e.removeEventListener("blur",this.handleWindowBlur),this.pressedControlKeys.clear()))}};function Cy(){return typeof window<"u"?window:globalThis.document?.defaultView}function Ty(i,t){let e=i.deltaX,n=i.deltaY;return i.deltaMode===by&&(e*=hh,n*=hh),{event:i,timeStamp:i.timeStamp,deltaX:e,deltaY:n,isControlKeyDown:t}}function Ra(i,t){return i.some(({event:e,isControlKeyDown:n})=>e.ctrlKey&&!n)?"trackpad":i.some(({event:e})=>e.deltaMode!==wy)||i.some(Ly)||i.every(({event:e})=>{let n=e.wheelDelta;return n!==void 0&&Math.abs(n)%40===0})?"mouse":i.some(({deltaX:e})=>e!==0)||i.length>1&&Ay(i)?"trackpad":t?"mouse":"unknown"}function Ly({event:i,deltaX:t,deltaY:e}){if(t!==0||e===0)return!1;let n=Math.abs(e/Py);if(Number.isInteger(n))return!0;let r=i.wheelDelta;return typeof r=="number"&&r!==0&&r%My===0}function Ay(i){for(let t=0;t<i.length;t++){let e=i[t];if(Math.abs(e.deltaX)>uh||Math.abs(e.deltaY)>uh||t>0&&e.timeStamp-i[t-1].timeStamp>Ey)return!1}return!0}var dh=["mousedown","mousemove","mouseup","mouseover","mouseout","mouseenter","mouseleave"],Jr=class extends jt{constructor(t,e,n){super(t,e,{enable:!0,...n}),this.handleEvent=o=>{this.handleOverEvent(o),this.handleOutEvent(o),this.handleEnterEvent(o),this.handleLeaveEvent(o),this.handleMoveEvent(o)},this.pressed=!1;let{enable:r=!1}=this.options;this.enableMoveEvent=r,this.enableLeaveEvent=r,this.enableEnterEvent=r,this.enableOutEvent=r,this.enableOverEvent=r,r&&dh.forEach(o=>this.listen(o,!0))}destroy(){dh.forEach(t=>this.listen(t,!1))}enableEventType(t,e){switch(t){case"pointermove":this.enableMoveEvent!==e&&(this.enableMoveEvent=e,this.listen("mousedown",e),this.listen("mousemove",e),this.listen("mouseup",e));break;case"pointerover":this.enableOverEvent!==e&&(this.enableOverEvent=e,this.listen("mouseover",e));break;case"pointerout":this.enableOutEvent!==e&&(this.enableOutEvent=e,this.listen("mouseout",e));break;case"pointerenter":this.enableEnterEvent!==e&&(this.enableEnterEvent=e,this.listen("mouseenter",e));break;case"pointerleave":this.enableLeaveEvent!==e&&(this.enableLeaveEvent=e,this.listen("mouseleave",e));break;default:}}handleOverEvent(t){this.enableOverEvent&&t.type==="mouseover"&&this._emit("pointerover",t)}handleOutEvent(t){this.enableOutEvent&&t.type==="mouseout"&&this._emit("pointerout",t)}handleEnterEvent(t){this.enableEnterEvent&&t.type==="mouseenter"&&this._emit("pointerenter",t)}handleLeaveEvent(t){this.enableLeaveEvent&&t.type==="mouseleave"&&this._emit("pointerleave",t)}handleMoveEvent(t){if(this.enableMoveEvent)switch(t.type){case"mousedown":t.button>=0&&(this.pressed=!0);break;case"mousemove":t.buttons===0&&(this.pressed=!1),this.pressed||this._emit("pointermove",t);break;case"mouseup":this.pressed=!1;break;default:}}_emit(t,e){this.callback({type:t,center:{x:e.clientX,y:e.clientY},srcEvent:e,pointerType:"mouse",target:e.target})}};var ph=["keydown","keyup"],Qr=class extends jt{constructor(t,e,n){super(t,e,{enable:!0,tabIndex:0,...n}),this.handleEvent=o=>{let s=o.target||o.srcElement;s.tagName==="INPUT"&&s.type==="text"||s.tagName==="TEXTAREA"||(this.enableDownEvent&&o.type==="keydown"&&this.callback({type:"keydown",srcEvent:o,key:o.key,target:o.target}),this.enableUpEvent&&o.type==="keyup"&&this.callback({type:"keyup",srcEvent:o,key:o.key,target:o.target}))};let{enable:r=!1}=this.options;this.enableDownEvent=r,this.enableUpEvent=r,t.tabIndex=this.options.tabIndex,t.style.outline="none",r&&ph.forEach(o=>this.listen(o,!0))}destroy(){ph.forEach(t=>this.listen(t,!1))}enableEventType(t,e){t==="keydown"&&this.enableDownEvent!==e&&(this.enableDownEvent=e,this.listen(t,e)),t==="keyup"&&this.enableUpEvent!==e&&(this.enableUpEvent=e,this.listen(t,e))}};var to=class extends jt{constructor(t,e,n){n.enable=n.enable??!1,super(t,e,n),this.handleEvent=r=>{this.options.enable&&this.callback({type:"contextmenu",center:{x:r.clientX,y:r.clientY},srcEvent:r,pointerType:"mouse",target:r.target})},n.enable&&this.listen("contextmenu",!0)}destroy(){this.listen("contextmenu",!1)}enableEventType(t,e){t==="contextmenu"&&this.options.enable!==e&&(this.options.enable=e,this.listen("contextmenu",e))}};var Iy={pointerdown:1,pointermove:2,pointerup:4,mousedown:1,mousemove:2,mouseup:4},Ry=0,Oy=1,ky=2,Dy=1,zy=2,Ny=4;function gh(i){let t=Iy[i.srcEvent.type];if(!t)return null;let{buttons:e,button:n}=i.srcEvent,r=!1,o=!1,s=!1;return t===2?(r=!!(e&Dy),o=!!(e&Ny),s=!!(e&zy)):(r=n===Ry,o=n===Oy,s=n===ky),{leftButton:r,middleButton:o,rightButton:s}}function mh(i,t){let e=i.center;if(!e)return null;let n=t.getBoundingClientRect(),r=n.width/t.offsetWidth||1,o=n.height/t.offsetHeight||1,s={x:(e.x-n.left-t.clientLeft)/r,y:(e.y-n.top-t.clientTop)/o};return{center:e,offsetCenter:s}}var By={srcElement:"root",priority:0},eo=class{constructor(t,e){this.handleEvent=n=>{if(this.isEmpty())return;let r=this._normalizeEvent(n),o=n.srcEvent.target;for(;o&&o!==r.rootElement;){if(this._emit(r,o),r.handled)return;o=o.parentNode}this._emit(r,"root")},this.eventManager=t,this.recognizerName=e,this.handlers=[],this.handlersByElement=new Map,this._active=!1}isEmpty(){return!this._active}add(t,e,n,r=!1,o=!1){let{handlers:s,handlersByElement:a}=this,c={...By,...n},l=a.get(c.srcElement);l||(l=[],a.set(c.srcElement,l));let f={type:t,handler:e,srcElement:c.srcElement,priority:c.priority};r&&(f.once=!0),o&&(f.passive=!0),s.push(f),this._active=this._active||!f.passive;let h=l.length-1;for(;h>=0&&!(l[h].priority>=f.priority);)h--;l.splice(h+1,0,f)}remove(t,e){let{handlers:n,handlersByElement:r}=this;for(let o=n.length-1;o>=0;o--){let s=n[o];if(s.type===t&&s.handler===e){n.splice(o,1);let a=r.get(s.srcElement);a.splice(a.indexOf(s),1),a.length===0&&r.delete(s.srcElement)}}this._active=n.some(o=>!o.passive)}_emit(t,e){let n=this.handlersByElement.get(e);if(n){let r=!1,o=()=>{t.handled=!0},s=()=>{t.handled=!0,r=!0},a=[];for(let c=0;c<n.length;c++){let{type:l,handler:f,once:h}=n[c];if(f({...t,type:l,stopPropagation:o,stopImmediatePropagation:s}),h&&a.push(n[c]),r)break}for(let c=0;c<a.length;c++){let{type:l,handler:f}=a[c];this.remove(l,f)}}}_normalizeEvent(t){let e=this.eventManager.getElement();return{...t,...gh(t),...mh(t,e),preventDefault:()=>{t.srcEvent.preventDefault()},stopImmediatePropagation:null,stopPropagation:null,handled:!1,rootElement:e}}};function jy(i){if("recognizer"in i)return i;let t,e=Array.isArray(i)?[...i]:[i];if(typeof e[0]=="function"){let n=e.shift(),r=e.shift()||{};t=new n(r)}else t=e.shift();return{recognizer:t,recognizeWith:typeof e[0]=="string"?[e[0]]:e[0],requireFailure:typeof e[1]=="string"?[e[1]]:e[1]}}var en=class{constructor(t=null,e={}){if(this._onBasicInput=n=>{this.manager.emit(n.srcEvent.type,n)},this._onOtherEvent=n=>{this.manager.emit(n.type,n)},this.options={recognizers:[],events:{},touchAction:"compute",tabIndex:0,cssProps:{},...e},this.events=new Map,this.element=t,this.wheelSession=new Kr(t),!!t){this.manager=new tn(t,this.options);for(let n of this.options.recognizers){let{recognizer:r,recognizeWith:o,requireFailure:s}=jy(n);this.manager.add(r),o&&r.recognizeWith(o),s&&r.requireFailure(s)}this.manager.on("hammer.input",this._onBasicInput),this.wheelInput=new Xr(t,this._onOtherEvent,{enable:!1,wheelSession:this.wheelSession}),this.moveInput=new Jr(t,this._onOtherEvent,{enable:!1}),this.keyInput=new Qr(t,this._onOtherEvent,{enable:!1,tabIndex:e.tabIndex}),this.contextmenuInput=new to(t,this._onOtherEvent,{enable:!1}),this.on(this.options.events)}}getElement(){return this.element}destroy(){if(!this.element){this.wheelSession.destroy();return}this.wheelInput.destroy(),this.wheelSession.destroy(),this.moveInput.destroy(),this.keyInput.destroy(),this.contextmenuInput.destroy(),this.manager.destroy()}on(t,e,n){this._addEventHandler(t,e,n,!1)}once(t,e,n){this._addEventHandler(t,e,n,!0)}watch(t,e,n){this._addEventHandler(t,e,n,!1,!0)}off(t,e){this._removeEventHandler(t,e)}emit(t){this.manager?.emit(t.type,t)}_toggleRecognizer(t,e){let{manager:n}=this;if(!n)return;let r=n.get(t);r&&(r.set({enable:e,wheelSession:this.wheelSession}),n.touchAction.update()),this.wheelInput?.enableEventType(t,e),this.moveInput?.enableEventType(t,e),this.keyInput?.enableEventType(t,e),this.contextmenuInput?.enableEventType(t,e)}_addEventHandler(t,e,n,r,o){if(typeof t!="string"){n=e;for(let[l,f]of Object.entries(t))this._addEventHandler(l,f,n,r,o);return}let{manager:s,events:a}=this;if(!s)return;let c=a.get(t);if(!c){let l=this._getRecognizerName(t)||t;c=new eo(this,l),a.set(t,c),s&&s.on(t,c.handleEvent)}c.add(t,e,n,r,o),c.isEmpty()||this._toggleRecognizer(c.recognizerName,!0)}_removeEventHandler(t,e){if(typeof t!="string"){for(let[o,s]of Object.entries(t))this._removeEventHandler(o,s);return}let{events:n}=this,r=n.get(t);if(r&&(r.remove(t,e),r.isEmpty())){let{recognizerName:o}=r,s=!1;for(let a of n.values())if(a.recognizerName===o&&!a.isEmpty()){s=!0;break}s||this._toggleRecognizer(o,!1)}}_getRecognizerName(t){return this.manager.recognizers.find(e=>e.getEventNames().includes(t))?.options.event}};var Oa={DEFAULT:"default",LNGLAT:"lnglat",METER_OFFSETS:"meter-offsets",LNGLAT_OFFSETS:"lnglat-offsets",CARTESIAN:"cartesian"};Object.defineProperty(Oa,"IDENTITY",{get:()=>(I.deprecated("COORDINATE_SYSTEM.IDENTITY","COORDINATE_SYSTEM.CARTESIAN")(),Oa.CARTESIAN)});var H={WEB_MERCATOR:1,GLOBE:2,WEB_MERCATOR_AUTO_OFFSET:4,IDENTITY:0},rt={common:0,meters:1,pixels:2},ai={click:"onClick",dblclick:"onClick",panstart:"onDragStart",panmove:"onDrag",panend:"onDragEnd"},ka={multipan:[ue,{threshold:10,pointers:2,trackpad:!0}],pinch:[si,{trackpad:!0},null,["multipan"]],pan:[ue,{threshold:1},["pinch"],["multipan"]],dblclick:[Re,{event:"dblclick",taps:2,enable:!1}],dblclickdrag:[ri,{event:"dblclickdrag",enable:!1},["dblclick"],null],click:[Re,{event:"click"},["dblclickdrag"],["dblclick","dblclickdrag"]]};function Vy(i,t){if(i===t)return!0;if(Array.isArray(i)){let e=i.length;if(!t||t.length!==e)return!1;for(let n=0;n<e;n++)if(i[n]!==t[n])return!1;return!0}return!1}function Vt(i){let t={},e;return n=>{for(let r in n)if(!Vy(n[r],t[r])){e=i(n),t=n;break}return e}}var yh=[0,0,0,0],Uy=[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,0],xh=[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1],Fy=[0,0,0],vh=[0,0,0],Gy={default:-1,cartesian:0,lnglat:1,"meter-offsets":2,"lnglat-offsets":3};function Oe(i){let t=Gy[i];if(t===void 0)throw new Error(`Invalid coordinateSystem: ${i}`);return t}var Wy=Vt($y);function Da(i,t,e=vh){e.length<3&&(e=[e[0],e[1],0]);let n=e,r,o=!0;switch(t==="lnglat-offsets"||t==="meter-offsets"?r=e:r=i.isGeospatial?[Math.fround(i.longitude),Math.fround(i.latitude),0]:null,i.projectionMode){case H.WEB_MERCATOR:(t==="lnglat"||t==="cartesian")&&(r=[0,0,0],o=!1);break;case H.WEB_MERCATOR_AUTO_OFFSET:t==="lnglat"?n=r:t==="cartesian"&&(n=[Math.fround(i.center[0]),Math.fround(i.center[1]),0],r=i.unprojectPosition(n),n[0]-=e[0],n[1]-=e[1],n[2]-=e[2]);break;case H.IDENTITY:n=i.position.map(Math.fround),n[2]=n[2]||0;break;case H.GLOBE:o=!1,r=null;break;default:o=!1}return{geospatialOrigin:r,shaderCoordinateOrigin:n,offsetMode:o}}function Yy(i,t,e){let{viewMatrixUncentered:n,projectionMatrix:r}=i,{viewMatrix:o,viewProjectionMatrix:s}=i,a=yh,c=yh,l=i.cameraPosition,{geospatialOrigin:f,shaderCoordinateOrigin:h,offsetMode:u}=Da(i,t,e);return u&&(c=i.projectPosition(f||h),l=[l[0]-c[0],l[1]-c[1],l[2]-c[2]],c[3]=1,a=nt.transformMat4([],c,s),o=n||o,s=q.multiply([],r,o),s=q.multiply([],s,Uy)),{viewMatrix:o,viewProjectionMatrix:s,projectionCenter:a,originCommon:c,cameraPosCommon:l,shaderCoordinateOrigin:h,geospatialOrigin:f}}function _h({viewport:i,devicePixelRatio:t=1,modelMatrix:e=null,coordinateSystem:n="default",coordinateOrigin:r=vh,autoWrapLongitude:o=!1}){n==="default"&&(n=i.isGeospatial?"lnglat":"cartesian");let s=Wy({viewport:i,devicePixelRatio:t,coordinateSystem:n,coordinateOrigin:r});return s.wrapLongitude=o,s.modelMatrix=e||xh,s}function $y({viewport:i,devicePixelRatio:t,coordinateSystem:e,coordinateOrigin:n}){let{projectionCenter:r,viewProjectionMatrix:o,originCommon:s,cameraPosCommon:a,shaderCoordinateOrigin:c,geospatialOrigin:l}=Yy(i,e,n),f=i.getDistanceScales(),h=[i.width*t,i.height*t],u=nt.transformMat4([],[0,0,-i.focalDistance,1],i.projectionMatrix)[3]||1,d={coordinateSystem:Oe(e),projectionMode:i.projectionMode,coordinateOrigin:c,commonOrigin:s.slice(0,3),center:r,pseudoMeters:!!i._pseudoMeters,viewportSize:h,devicePixelRatio:t,focalDistance:u,commonUnitsPerMeter:f.unitsPerMeter,commonUnitsPerWorldUnit:f.unitsPerMeter,commonUnitsPerWorldUnit2:Fy,scale:i.scale,wrapLongitude:!1,viewProjectionMatrix:o,modelMatrix:xh,cameraPosition:a};if(l){let p=i.getDistanceScales(l);switch(e){case"meter-offsets":d.commonUnitsPerWorldUnit=p.unitsPerMeter,d.commonUnitsPerWorldUnit2=p.unitsPerMeter2;break;case"lnglat":case"lnglat-offsets":i._pseudoMeters||(d.commonUnitsPerMeter=p.unitsPerMeter),d.commonUnitsPerWorldUnit=p.unitsPerDegree,d.commonUnitsPerWorldUnit2=p.unitsPerDegree2;break;case"cartesian":d.commonUnitsPerWorldUnit=[1,1,p.unitsPerMeter[2]],d.commonUnitsPerWorldUnit2=[0,0,p.unitsPerMeter2[2]];break;default:break}}if(i.projectionMode===H.GLOBE&&e==="meter-offsets"){let m=n[0]*Math.PI/180,v=n[1]*Math.PI/180,_=Math.cos(v),y=((n[2]||0)/6370972+1)*256;d.commonOrigin=[Math.sin(m)*_*y,-Math.cos(m)*_*y,Math.sin(v)*y]}return d}var Hy=["default","lnglat","meter-offsets","lnglat-offsets","cartesian"],Zy=Hy.map(i=>`const COORDINATE_SYSTEM_${i.toUpperCase().replaceAll("-","_")}: i32 = ${Oe(i)};`).join(""),qy=Object.keys(H).map(i=>`const PROJECTION_MODE_${i}: i32 = ${H[i]};`).join(""),Xy=Object.keys(rt).map(i=>`const UNIT_${i.toUpperCase()}: i32 = ${rt[i]};`).join(""),Ky=`${Zy}
${qy}
${Xy}

const TILE_SIZE: f32 = 512.0;
const PI: f32 = 3.1415926536;
const WORLD_SCALE: f32 = TILE_SIZE / (PI * 2.0);
const ZERO_64_LOW: vec3<f32> = vec3<f32>(0.0, 0.0, 0.0);
const EARTH_RADIUS: f32 = 6370972.0; // meters
const GLOBE_RADIUS: f32 = 256.0;

// -----------------------------------------------------------------------------
// Uniform block (converted from GLSL uniform block)
// -----------------------------------------------------------------------------
struct ProjectUniforms {
  wrapLongitude: i32,
  coordinateSystem: i32,
  commonUnitsPerMeter: vec3<f32>,
  projectionMode: i32,
  scale: f32,
  commonUnitsPerWorldUnit: vec3<f32>,
  commonUnitsPerWorldUnit2: vec3<f32>,
  center: vec4<f32>,
  modelMatrix: mat4x4<f32>,
  viewProjectionMatrix: mat4x4<f32>,
  viewportSize: vec2<f32>,
  devicePixelRatio: f32,
  focalDistance: f32,
  cameraPosition: vec3<f32>,
  coordinateOrigin: vec3<f32>,
  commonOrigin: vec3<f32>,
  pseudoMeters: i32,
};

@group(0) @binding(auto)
var<uniform> project: ProjectUniforms;

// -----------------------------------------------------------------------------
// Geometry data shared across the project helpers.
// The active layer shader is responsible for populating this private module
// state before calling the project functions below.
// -----------------------------------------------------------------------------

// Structure to carry additional geometry data used by deck.gl filters.
struct Geometry {
  worldPosition: vec3<f32>,
  worldPositionAlt: vec3<f32>,
  position: vec4<f32>,
  normal: vec3<f32>,
  uv: vec2<f32>,
  pickingColor: vec3<f32>,
};

var<private> geometry: Geometry;
`,Ph=`${Ky}

// -----------------------------------------------------------------------------
// Functions
// -----------------------------------------------------------------------------

// Returns an adjustment factor for commonUnitsPerMeter
fn _project_size_at_latitude(lat: f32) -> f32 {
  let y = clamp(lat, -89.9, 89.9);
  return 1.0 / cos(radians(y));
}

// Overloaded version: scales a value in meters at a given latitude.
fn _project_size_at_latitude_m(meters: f32, lat: f32) -> f32 {
  return meters * project.commonUnitsPerMeter.z * _project_size_at_latitude(lat);
}

// Computes a non-linear scale factor based on geometry.
// (Note: This function relies on "geometry" being provided.)
fn project_size() -> f32 {
  if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR &&
      project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT &&
      project.pseudoMeters == 0) {
    if (geometry.position.w == 0.0) {
      return _project_size_at_latitude(geometry.worldPosition.y);
    }
    let y: f32 = geometry.position.y / TILE_SIZE * 2.0 - 1.0;
    let y2 = y * y;
    let y4 = y2 * y2;
    let y6 = y4 * y2;
    return 1.0 + 4.9348 * y2 + 4.0587 * y4 + 1.5642 * y6;
  }
  return 1.0;
}

// Overloads to scale offsets (meters to world units)
fn project_size_float(meters: f32) -> f32 {
  return meters * project.commonUnitsPerMeter.z * project_size();
}

fn project_size_vec2(meters: vec2<f32>) -> vec2<f32> {
  return meters * project.commonUnitsPerMeter.xy * project_size();
}

fn project_size_vec3(meters: vec3<f32>) -> vec3<f32> {
  return meters * project.commonUnitsPerMeter * project_size();
}

fn project_size_vec4(meters: vec4<f32>) -> vec4<f32> {
  return vec4<f32>(meters.xyz * project.commonUnitsPerMeter, meters.w);
}

// Returns a rotation matrix aligning the z\u2011axis with the given up vector.
fn project_get_orientation_matrix(up: vec3<f32>) -> mat3x3<f32> {
  let uz = normalize(up);
  let ux = select(
    vec3<f32>(1.0, 0.0, 0.0),
    normalize(vec3<f32>(uz.y, -uz.x, 0.0)),
    abs(uz.z) == 1.0
  );
  let uy = cross(uz, ux);
  return mat3x3<f32>(ux, uy, uz);
}

// Since WGSL does not support "out" parameters, we return a struct.
struct RotationResult {
  needsRotation: bool,
  transform: mat3x3<f32>,
};

fn project_needs_rotation(commonPosition: vec3<f32>) -> RotationResult {
  if (project.projectionMode == PROJECTION_MODE_GLOBE) {
    return RotationResult(true, project_get_orientation_matrix(commonPosition));
  } else {
    return RotationResult(false, mat3x3<f32>());  // identity alternative if needed
  };
}

// Projects a normal vector from the current coordinate system to world space.
fn project_normal(vector: vec3<f32>) -> vec3<f32> {
  let normal_modelspace = project.modelMatrix * vec4<f32>(vector, 0.0);
  var n = normalize(normal_modelspace.xyz * project.commonUnitsPerMeter);
  let rotResult = project_needs_rotation(geometry.position.xyz);
  if (rotResult.needsRotation) {
    n = rotResult.transform * n;
  }
  return n;
}

// Applies a scale offset based on y-offset (dy)
fn project_offset_(offset: vec4<f32>) -> vec4<f32> {
  let dy: f32 = offset.y;
  let commonUnitsPerWorldUnit = project.commonUnitsPerWorldUnit + project.commonUnitsPerWorldUnit2 * dy;
  return vec4<f32>(offset.xyz * commonUnitsPerWorldUnit, offset.w);
}

// Projects lng/lat coordinates to a unit tile [0,1]
fn project_mercator_(lnglat: vec2<f32>) -> vec2<f32> {
  var x = lnglat.x;
  if (project.wrapLongitude != 0) {
    x = ((x + 180.0) % 360.0) - 180.0;
  }
  let y = clamp(lnglat.y, -89.9, 89.9);
  return vec2<f32>(
    radians(x) + PI,
    PI + log(tan_fp32(PI * 0.25 + radians(y) * 0.5))
  ) * WORLD_SCALE;
}

// Projects lng/lat/z coordinates for a globe projection.
fn project_globe_(lnglatz: vec3<f32>) -> vec3<f32> {
  let lambda = radians(lnglatz.x);
  let phi = radians(lnglatz.y);
  let cosPhi = cos(phi);
  let D = (lnglatz.z / EARTH_RADIUS + 1.0) * GLOBE_RADIUS;
  return vec3<f32>(
    sin(lambda) * cosPhi,
    -cos(lambda) * cosPhi,
    sin(phi)
  ) * D;
}

// Projects positions (with an optional 64-bit low part) from the input
// coordinate system to the common space.
fn project_position_vec4_f64(position: vec4<f32>, position64Low: vec3<f32>) -> vec4<f32> {
  var position_world = project.modelMatrix * position;

  // Work around for a Mac+NVIDIA bug:
  if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR) {
    if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
      return vec4<f32>(
        project_mercator_(position_world.xy),
        _project_size_at_latitude_m(position_world.z, position_world.y),
        position_world.w
      );
    }
    if (project.coordinateSystem == COORDINATE_SYSTEM_CARTESIAN) {
      position_world = vec4f(position_world.xyz + project.coordinateOrigin, position_world.w);
    }
  }
  if (project.projectionMode == PROJECTION_MODE_GLOBE) {
    if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
      return vec4<f32>(
        project_globe_(position_world.xyz),
        position_world.w
      );
    }
    if (project.coordinateSystem == COORDINATE_SYSTEM_METER_OFFSETS) {
      let enuMatrix = project_get_orientation_matrix(project.commonOrigin);
      let metersToCommon = GLOBE_RADIUS / EARTH_RADIUS;
      let offsetCommon = (enuMatrix * vec3<f32>(-position_world.x, -position_world.y, position_world.z)) * metersToCommon;
      return vec4<f32>(project.commonOrigin + offsetCommon, position_world.w);
    }
  }
  if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR_AUTO_OFFSET) {
    if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
      if (abs(position_world.y - project.coordinateOrigin.y) > 0.25) {
        return vec4<f32>(
          project_mercator_(position_world.xy) - project.commonOrigin.xy,
          project_size_float(position_world.z),
          position_world.w
        );
      }
    }
  }
  if (project.projectionMode == PROJECTION_MODE_IDENTITY ||
      (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR_AUTO_OFFSET &&
       (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT ||
        project.coordinateSystem == COORDINATE_SYSTEM_CARTESIAN))) {
    position_world = vec4f(position_world.xyz - project.coordinateOrigin, position_world.w);
  }

  return project_offset_(position_world) +
         project_offset_(project.modelMatrix * vec4<f32>(position64Low, 0.0));
}

// Overloaded versions for different input types.
fn project_position_vec4_f32(position: vec4<f32>) -> vec4<f32> {
  return project_position_vec4_f64(position, ZERO_64_LOW);
}

fn project_position_vec3_f64(position: vec3<f32>, position64Low: vec3<f32>) -> vec3<f32> {
  let projected_position = project_position_vec4_f64(vec4<f32>(position, 1.0), position64Low);
  return projected_position.xyz;
}

fn project_position_vec3_f32(position: vec3<f32>) -> vec3<f32> {
  let projected_position = project_position_vec4_f64(vec4<f32>(position, 1.0), ZERO_64_LOW);
  return projected_position.xyz;
}

fn project_position_vec2_f32(position: vec2<f32>) -> vec2<f32> {
  let projected_position = project_position_vec4_f64(vec4<f32>(position, 0.0, 1.0), ZERO_64_LOW);
  return projected_position.xy;
}

// Transforms a common space position to clip space.
fn project_common_position_to_clipspace_with_projection(position: vec4<f32>, viewProjectionMatrix: mat4x4<f32>, center: vec4<f32>) -> vec4<f32> {
  var clipPosition = viewProjectionMatrix * position + center;
  // deck.gl projection matrices use WebGL's [-w, w] depth range; WebGPU clips z to [0, w].
  clipPosition.z = (clipPosition.z + clipPosition.w) * 0.5;
  return clipPosition;
}

// Uses the project viewProjectionMatrix and center.
fn project_common_position_to_clipspace(position: vec4<f32>) -> vec4<f32> {
  return project_common_position_to_clipspace_with_projection(position, project.viewProjectionMatrix, project.center);
}

// Returns a clip space offset corresponding to a given number of screen pixels.
fn project_pixel_size_to_clipspace(pixels: vec2<f32>) -> vec2<f32> {
  let offset = pixels / project.viewportSize * project.devicePixelRatio * 2.0;
  return offset * project.focalDistance;
}

fn project_meter_size_to_pixel(meters: f32) -> f32 {
  return project_size_float(meters) * project.scale;
}

fn project_unit_size_to_pixel(size: f32, unit: i32) -> f32 {
  if (unit == UNIT_METERS) {
    return project_meter_size_to_pixel(size);
  } else if (unit == UNIT_COMMON) {
    return size * project.scale;
  }
  // UNIT_PIXELS: no scaling applied.
  return size;
}

fn project_pixel_size_float(pixels: f32) -> f32 {
  return pixels / project.scale;
}

fn project_pixel_size_vec2(pixels: vec2<f32>) -> vec2<f32> {
  return pixels / project.scale;
}
`;var Jy=["default","lnglat","meter-offsets","lnglat-offsets","cartesian"],Qy=Jy.map(i=>`const int COORDINATE_SYSTEM_${i.toUpperCase().replaceAll("-","_")} = ${Oe(i)};`).join(""),tx=Object.keys(H).map(i=>`const int PROJECTION_MODE_${i} = ${H[i]};`).join(""),ex=Object.keys(rt).map(i=>`const int UNIT_${i.toUpperCase()} = ${rt[i]};`).join(""),wh=`${Qy}
${tx}
${ex}
layout(std140) uniform projectUniforms {
bool wrapLongitude;
int coordinateSystem;
vec3 commonUnitsPerMeter;
int projectionMode;
float scale;
vec3 commonUnitsPerWorldUnit;
vec3 commonUnitsPerWorldUnit2;
vec4 center;
mat4 modelMatrix;
mat4 viewProjectionMatrix;
vec2 viewportSize;
float devicePixelRatio;
float focalDistance;
vec3 cameraPosition;
vec3 coordinateOrigin;
vec3 commonOrigin;
bool pseudoMeters;
} project;
const float TILE_SIZE = 512.0;
const float PI = 3.1415926536;
const float WORLD_SCALE = TILE_SIZE / (PI * 2.0);
const vec3 ZERO_64_LOW = vec3(0.0);
const float EARTH_RADIUS = 6370972.0;
const float GLOBE_RADIUS = 256.0;
float project_size_at_latitude(float lat) {
float y = clamp(lat, -89.9, 89.9);
return 1.0 / cos(radians(y));
}
float project_size() {
if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR &&
project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT &&
project.pseudoMeters == false) {
if (geometry.position.w == 0.0) {
return project_size_at_latitude(geometry.worldPosition.y);
}
float y = geometry.position.y / TILE_SIZE * 2.0 - 1.0;
float y2 = y * y;
float y4 = y2 * y2;
float y6 = y4 * y2;
return 1.0 + 4.9348 * y2 + 4.0587 * y4 + 1.5642 * y6;
}
return 1.0;
}
float project_size_at_latitude(float meters, float lat) {
return meters * project.commonUnitsPerMeter.z * project_size_at_latitude(lat);
}
float project_size(float meters) {
return meters * project.commonUnitsPerMeter.z * project_size();
}
vec2 project_size(vec2 meters) {
return meters * project.commonUnitsPerMeter.xy * project_size();
}
vec3 project_size(vec3 meters) {
return meters * project.commonUnitsPerMeter * project_size();
}
vec4 project_size(vec4 meters) {
return vec4(meters.xyz * project.commonUnitsPerMeter, meters.w);
}
mat3 project_get_orientation_matrix(vec3 up) {
vec3 uz = normalize(up);
vec3 ux = abs(uz.z) == 1.0 ? vec3(1.0, 0.0, 0.0) : normalize(vec3(uz.y, -uz.x, 0));
vec3 uy = cross(uz, ux);
return mat3(ux, uy, uz);
}
bool project_needs_rotation(vec3 commonPosition, out mat3 transform) {
if (project.projectionMode == PROJECTION_MODE_GLOBE) {
transform = project_get_orientation_matrix(commonPosition);
return true;
}
return false;
}
vec3 project_normal(vec3 vector) {
vec4 normal_modelspace = project.modelMatrix * vec4(vector, 0.0);
vec3 n = normalize(normal_modelspace.xyz * project.commonUnitsPerMeter);
mat3 rotation;
if (project_needs_rotation(geometry.position.xyz, rotation)) {
n = rotation * n;
}
return n;
}
vec4 project_offset_(vec4 offset) {
float dy = offset.y;
vec3 commonUnitsPerWorldUnit = project.commonUnitsPerWorldUnit + project.commonUnitsPerWorldUnit2 * dy;
return vec4(offset.xyz * commonUnitsPerWorldUnit, offset.w);
}
vec2 project_mercator_(vec2 lnglat) {
float x = lnglat.x;
if (project.wrapLongitude) {
x = mod(x + 180., 360.0) - 180.;
}
float y = clamp(lnglat.y, -89.9, 89.9);
return vec2(
radians(x) + PI,
PI + log(tan_fp32(PI * 0.25 + radians(y) * 0.5))
) * WORLD_SCALE;
}
vec3 project_globe_(vec3 lnglatz) {
float lambda = radians(lnglatz.x);
float phi = radians(lnglatz.y);
float cosPhi = cos(phi);
float D = (lnglatz.z / EARTH_RADIUS + 1.0) * GLOBE_RADIUS;
return vec3(
sin(lambda) * cosPhi,
-cos(lambda) * cosPhi,
sin(phi)
) * D;
}
vec4 project_position(vec4 position, vec3 position64Low) {
vec4 position_world = project.modelMatrix * position;
if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR) {
if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
return vec4(
project_mercator_(position_world.xy),
project_size_at_latitude(position_world.z, position_world.y),
position_world.w
);
}
if (project.coordinateSystem == COORDINATE_SYSTEM_CARTESIAN) {
position_world.xyz += project.coordinateOrigin;
}
}
if (project.projectionMode == PROJECTION_MODE_GLOBE) {
if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
return vec4(
project_globe_(position_world.xyz),
position_world.w
);
}
if (project.coordinateSystem == COORDINATE_SYSTEM_METER_OFFSETS) {
mat3 enuMatrix = project_get_orientation_matrix(project.commonOrigin);
float metersToCommon = GLOBE_RADIUS / EARTH_RADIUS;
vec3 offsetCommon = (enuMatrix * vec3(-position_world.xy, position_world.z)) * metersToCommon;
return vec4(project.commonOrigin + offsetCommon, position_world.w);
}
}
if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR_AUTO_OFFSET) {
if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
if (abs(position_world.y - project.coordinateOrigin.y) > 0.25) {
return vec4(
project_mercator_(position_world.xy) - project.commonOrigin.xy,
project_size(position_world.z),
position_world.w
);
}
}
}
if (project.projectionMode == PROJECTION_MODE_IDENTITY ||
(project.projectionMode == PROJECTION_MODE_WEB_MERCATOR_AUTO_OFFSET &&
(project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT ||
project.coordinateSystem == COORDINATE_SYSTEM_CARTESIAN))) {
position_world.xyz -= project.coordinateOrigin;
}
return project_offset_(position_world) + project_offset_(project.modelMatrix * vec4(position64Low, 0.0));
}
vec4 project_position(vec4 position) {
return project_position(position, ZERO_64_LOW);
}
vec3 project_position(vec3 position, vec3 position64Low) {
vec4 projected_position = project_position(vec4(position, 1.0), position64Low);
return projected_position.xyz;
}
vec3 project_position(vec3 position) {
vec4 projected_position = project_position(vec4(position, 1.0), ZERO_64_LOW);
return projected_position.xyz;
}
vec2 project_position(vec2 position) {
vec4 projected_position = project_position(vec4(position, 0.0, 1.0), ZERO_64_LOW);
return projected_position.xy;
}
vec4 project_common_position_to_clipspace(vec4 position, mat4 viewProjectionMatrix, vec4 center) {
return viewProjectionMatrix * position + center;
}
vec4 project_common_position_to_clipspace(vec4 position) {
return project_common_position_to_clipspace(position, project.viewProjectionMatrix, project.center);
}
vec2 project_pixel_size_to_clipspace(vec2 pixels) {
vec2 offset = pixels / project.viewportSize * project.devicePixelRatio * 2.0;
return offset * project.focalDistance;
}
float project_size_to_pixel(float meters) {
return project_size(meters) * project.scale;
}
vec2 project_size_to_pixel(vec2 meters) {
return project_size(meters) * project.scale;
}
float project_size_to_pixel(float size, int unit) {
if (unit == UNIT_METERS) return project_size_to_pixel(size);
if (unit == UNIT_COMMON) return size * project.scale;
return size;
}
float project_pixel_size(float pixels) {
return pixels / project.scale;
}
vec2 project_pixel_size(vec2 pixels) {
return pixels / project.scale;
}
`;var ix={};function nx(i=ix){return"viewport"in i?_h(i):{}}var Zt={name:"project",dependencies:[Vc,Yr],source:Ph,vs:wh,getUniforms:nx,uniformTypes:{wrapLongitude:"f32",coordinateSystem:"i32",commonUnitsPerMeter:"vec3<f32>",projectionMode:"i32",scale:"f32",commonUnitsPerWorldUnit:"vec3<f32>",commonUnitsPerWorldUnit2:"vec3<f32>",center:"vec4<f32>",modelMatrix:"mat4x4<f32>",viewProjectionMatrix:"mat4x4<f32>",viewportSize:"vec2<f32>",devicePixelRatio:"f32",focalDistance:"f32",cameraPosition:"vec3<f32>",coordinateOrigin:"vec3<f32>",commonOrigin:"vec3<f32>",pseudoMeters:"f32"}};var rx=`// Define a structure to hold both the clip-space position and the common position.
struct ProjectResult {
  clipPosition: vec4<f32>,
  commonPosition: vec4<f32>,
};

// This function mimics the GLSL version with the 'out' parameter by returning both values.
fn project_position_to_clipspace_and_commonspace(
    position: vec3<f32>,
    position64Low: vec3<f32>,
    offset: vec3<f32>
) -> ProjectResult {
  // Compute the projected position.
  let projectedPosition: vec3<f32> = project_position_vec3_f64(position, position64Low);

  // Start with the provided offset.
  var finalOffset: vec3<f32> = offset;

  // Get whether a rotation is needed and the rotation matrix.
  let rotationResult = project_needs_rotation(projectedPosition);

  // If rotation is needed, update the offset.
  if (rotationResult.needsRotation) {
    finalOffset = rotationResult.transform * offset;
  }

  // Compute the common position.
  let commonPosition: vec4<f32> = vec4<f32>(projectedPosition + finalOffset, 1.0);

  // Convert to clip-space.
  let clipPosition: vec4<f32> = project_common_position_to_clipspace(commonPosition);

  return ProjectResult(clipPosition, commonPosition);
}

// A convenience overload that returns only the clip-space position.
fn project_position_to_clipspace(
    position: vec3<f32>,
    position64Low: vec3<f32>,
    offset: vec3<f32>
) -> vec4<f32> {
  return project_position_to_clipspace_and_commonspace(position, position64Low, offset).clipPosition;
}
`,ox=`vec4 project_position_to_clipspace(
  vec3 position, vec3 position64Low, vec3 offset, out vec4 commonPosition
) {
  vec3 projectedPosition = project_position(position, position64Low);
  mat3 rotation;
  if (project_needs_rotation(projectedPosition, rotation)) {
    // offset is specified as ENU
    // when in globe projection, rotate offset so that the ground alighs with the surface of the globe
    offset = rotation * offset;
  }
  commonPosition = vec4(projectedPosition + offset, 1.0);
  return project_common_position_to_clipspace(commonPosition);
}

vec4 project_position_to_clipspace(
  vec3 position, vec3 position64Low, vec3 offset
) {
  vec4 commonPosition;
  return project_position_to_clipspace(position, position64Low, offset, commonPosition);
}
`,Ut={name:"project32",dependencies:[Zt],source:rx,vs:ox};function za(){return[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1]}function de(i,t){let e=nt.transformMat4([],t,i);return nt.scale(e,e,1/e[3]),e}function nn(i,t,e){return i<t?t:i>e?e:i}function sx(i){return Math.log(i)*Math.LOG2E}var rn=Math.log2||sx;function Et(i,t){if(!i)throw new Error(t||"@math.gl/web-mercator: assertion failed.")}var Mt=Math.PI,bh=Mt/4,mt=Mt/180,Na=180/Mt,ci=512,io=4003e4,ot=85.051129,Eh=1.5;function Ba(i){return rn(i)}function st(i){let[t,e]=i;Et(Number.isFinite(t)),Et(Number.isFinite(e)&&e>=-90&&e<=90,"invalid latitude");let n=t*mt,r=e*mt,o=ci*(n+Mt)/(2*Mt),s=ci*(Mt+Math.log(Math.tan(bh+r*.5)))/(2*Mt);return[o,s]}function ut(i){let[t,e]=i,n=t/ci*(2*Mt)-Mt,r=2*(Math.atan(Math.exp(e/ci*(2*Mt)-Mt))-bh);return[n*Na,r*Na]}function ja(i){let{latitude:t}=i;Et(Number.isFinite(t));let e=Math.cos(t*mt);return Ba(io*e)-9}function ke(i){let t=Math.cos(i*mt);return ci/io/t}function li(i){let{latitude:t,longitude:e,highPrecision:n=!1}=i;Et(Number.isFinite(t)&&Number.isFinite(e));let r=ci,o=Math.cos(t*mt),s=r/360,a=s/o,c=r/io/o,l={unitsPerMeter:[c,c,c],metersPerUnit:[1/c,1/c,1/c],unitsPerDegree:[s,a,c],degreesPerUnit:[1/s,1/a,1/c]};if(n){let f=mt*Math.tan(t*mt)/o,h=s*f/2,u=r/io*f,d=u/a*c;l.unitsPerDegree2=[0,h,u],l.unitsPerMeter2=[d,0,d]}return l}function on(i,t){let[e,n,r]=i,[o,s,a]=t,{unitsPerMeter:c,unitsPerMeter2:l}=li({longitude:e,latitude:n,highPrecision:!0}),f=st(i);f[0]+=o*(c[0]+l[0]*s),f[1]+=s*(c[1]+l[1]*s);let h=ut(f),u=(r||0)+(a||0);return Number.isFinite(r)||Number.isFinite(a)?[h[0],h[1],u]:h}function no(i){let{height:t,pitch:e,bearing:n,altitude:r,scale:o,center:s}=i,a=za();q.translate(a,a,[0,0,-r]),q.rotateX(a,a,-e*mt),q.rotateZ(a,a,n*mt);let c=o/t;return q.scale(a,a,[c,c,c]),s&&q.translate(a,a,j.negate([],s)),a}function Va(i){let{width:t,height:e,altitude:n,pitch:r=0,offset:o,center:s,scale:a,nearZMultiplier:c=1,farZMultiplier:l=1}=i,{fovy:f=qt(Eh)}=i;n!==void 0&&(f=qt(n));let h=f*mt,u=r*mt,d=De(f),p=d;s&&(p+=s[2]*a/Math.cos(u)/e);let g=h*(.5+(o?o[1]:0)/e),m=Math.sin(g)*p/Math.sin(nn(Math.PI/2-u-g,.01,Math.PI-.01)),v=Math.sin(u)*m+p,_=p*10,y=Math.min(v*l,_);return{fov:h,aspect:t/e,focalDistance:d,near:c,far:y}}function qt(i){return 2*Math.atan(.5/i)*Na}function De(i){return .5/Math.tan(.5*i*mt)}function pe(i,t){let[e,n,r=0]=i;return Et(Number.isFinite(e)&&Number.isFinite(n)&&Number.isFinite(r)),de(t,[e,n,r,1])}function ge(i,t,e=0){let[n,r,o]=i;if(Et(Number.isFinite(n)&&Number.isFinite(r),"invalid pixel coordinate"),Number.isFinite(o))return de(t,[n,r,o,1]);let s=de(t,[n,r,0,1]),a=de(t,[n,r,1,1]),c=s[2],l=a[2],f=c===l?0:((e||0)-c)/(l-c);return wt.lerp([],s,a,f)}function ro(i){let{width:t,height:e,bounds:n,minExtent:r=0,maxZoom:o=24,offset:s=[0,0]}=i,[[a,c],[l,f]]=n,h=ax(i.padding),u=st([a,nn(f,-ot,ot)]),d=st([l,nn(c,-ot,ot)]),p=[Math.max(Math.abs(d[0]-u[0]),r),Math.max(Math.abs(d[1]-u[1]),r)],g=[t-h.left-h.right-Math.abs(s[0])*2,e-h.top-h.bottom-Math.abs(s[1])*2];Et(g[0]>0&&g[1]>0);let m=g[0]/p[0],v=g[1]/p[1],_=(h.right-h.left)/2/m,y=(h.top-h.bottom)/2/v,x=[(d[0]+u[0])/2+_,(d[1]+u[1])/2+y],w=ut(x),P=Math.min(o,rn(Math.abs(Math.min(m,v))));return Et(Number.isFinite(P)),{longitude:w[0],latitude:w[1],zoom:P}}function ax(i=0){return typeof i=="number"?{top:i,bottom:i,left:i,right:i}:(Et(Number.isFinite(i.top)&&Number.isFinite(i.bottom)&&Number.isFinite(i.left)&&Number.isFinite(i.right)),i)}var Mh=Math.PI/180;function oo(i,t=0){let{width:e,height:n,unproject:r}=i,o={targetZ:t},s=r([0,n],o),a=r([e,n],o),c,l,f=i.fovy?.5*i.fovy*Mh:Math.atan(.5/i.altitude),h=(90-i.pitch)*Mh;return f>h-.01?(c=Sh(i,0,t),l=Sh(i,e,t)):(c=r([0,0],o),l=r([e,0],o)),[s,a,l,c]}function Sh(i,t,e){let{pixelUnprojectionMatrix:n}=i,r=de(n,[t,0,1,1]),o=de(n,[t,i.height,1,1]),a=(e*i.distanceScales.unitsPerMeter[2]-r[2])/(o[2]-r[2]),c=wt.lerp([],r,o,a),l=ut(c);return l.push(e),l}var Th=`
layout(std140) uniform shadowUniforms {
  bool drawShadowMap;
  bool useShadowMap;
  vec4 color;
  highp int lightId;
  float lightCount;
  mat4 viewProjectionMatrix0;
  mat4 viewProjectionMatrix1;
  vec4 projectCenter0;
  vec4 projectCenter1;
} shadow;
`,fx=`
const int max_lights = 2;

out vec3 shadow_vPosition[max_lights];

vec4 shadow_setVertexPosition(vec4 position_commonspace) {
  mat4 viewProjectionMatrices[max_lights];
  viewProjectionMatrices[0] = shadow.viewProjectionMatrix0;
  viewProjectionMatrices[1] = shadow.viewProjectionMatrix1;
  vec4 projectCenters[max_lights];
  projectCenters[0] = shadow.projectCenter0;
  projectCenters[1] = shadow.projectCenter1;

  if (shadow.drawShadowMap) {
    return project_common_position_to_clipspace(position_commonspace, viewProjectionMatrices[shadow.lightId], projectCenters[shadow.lightId]);
  }
  if (shadow.useShadowMap) {
    for (int i = 0; i < max_lights; i++) {
      if(i < int(shadow.lightCount)) {
        vec4 shadowMap_position = project_common_position_to_clipspace(position_commonspace, viewProjectionMatrices[i], projectCenters[i]);
        shadow_vPosition[i] = (shadowMap_position.xyz / shadowMap_position.w + 1.0) / 2.0;
      }
    }
  }
  return gl_Position;
}
`,hx=`
${Th}
${fx}
`,ux=`
const int max_lights = 2;
uniform sampler2D shadow_uShadowMap0;
uniform sampler2D shadow_uShadowMap1;

in vec3 shadow_vPosition[max_lights];

const vec4 bitPackShift = vec4(1.0, 255.0, 65025.0, 16581375.0);
const vec4 bitUnpackShift = 1.0 / bitPackShift;
const vec4 bitMask = vec4(1.0 / 255.0, 1.0 / 255.0, 1.0 / 255.0,  0.0);

float shadow_getShadowWeight(vec3 position, sampler2D shadowMap) {
  vec4 rgbaDepth = texture(shadowMap, position.xy);

  float z = dot(rgbaDepth, bitUnpackShift);
  return smoothstep(0.001, 0.01, position.z - z);
}

vec4 shadow_filterShadowColor(vec4 color) {
  if (shadow.drawShadowMap) {
    vec4 rgbaDepth = fract(gl_FragCoord.z * bitPackShift);
    rgbaDepth -= rgbaDepth.gbaa * bitMask;
    return rgbaDepth;
  }
  if (shadow.useShadowMap) {
    float shadowAlpha = 0.0;
    shadowAlpha += shadow_getShadowWeight(shadow_vPosition[0], shadow_uShadowMap0);
    if(shadow.lightCount > 1.0) {
      shadowAlpha += shadow_getShadowWeight(shadow_vPosition[1], shadow_uShadowMap1);
    }
    shadowAlpha *= shadow.color.a / shadow.lightCount;
    float blendedAlpha = shadowAlpha + color.a * (1.0 - shadowAlpha);

    return vec4(
      mix(color.rgb, shadow.color.rgb, shadowAlpha / blendedAlpha),
      blendedAlpha
    );
  }
  return color;
}
`,dx=`
${Th}
${ux}
`,px=Vt(vx),gx=Vt(_x),mx=[0,0,0,1],yx=[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,0];function xx(i,t){let[e,n,r]=i,o=ge([e,n,r],t);return Number.isFinite(r)?o:[o[0],o[1],0]}function vx({viewport:i,center:t}){return new X(i.viewProjectionMatrix).invert().transform(t)}function _x({viewport:i,shadowMatrices:t}){let e=[],n=i.pixelUnprojectionMatrix,r=i.isGeospatial?void 0:1,o=[[0,0,r],[i.width,0,r],[0,i.height,r],[i.width,i.height,r],[0,0,-1],[i.width,0,-1],[0,i.height,-1],[i.width,i.height,-1]].map(s=>xx(s,n));for(let s of t){let a=s.clone().translate(new Q(i.center).negate()),c=o.map(f=>a.transform(f)),l=new X().ortho({left:Math.min(...c.map(f=>f[0])),right:Math.max(...c.map(f=>f[0])),bottom:Math.min(...c.map(f=>f[1])),top:Math.max(...c.map(f=>f[1])),near:Math.min(...c.map(f=>-f[2])),far:Math.max(...c.map(f=>-f[2]))});e.push(l.multiplyRight(s))}return e}function Px(i){let{shadowEnabled:t=!0,project:e}=i;if(!t||!e||!i.shadowMatrices||!i.shadowMatrices.length)return{drawShadowMap:!1,useShadowMap:!1,shadow_uShadowMap0:i.dummyShadowMap,shadow_uShadowMap1:i.dummyShadowMap};let n=Zt.getUniforms(e),r=px({viewport:e.viewport,center:n.center}),o=[],s=gx({shadowMatrices:i.shadowMatrices,viewport:e.viewport}).slice();for(let c=0;c<i.shadowMatrices.length;c++){let l=s[c],f=l.clone().translate(new Q(e.viewport.center).negate());n.coordinateSystem===Oe("lnglat")&&n.projectionMode===H.WEB_MERCATOR?(s[c]=f,o[c]=r):(s[c]=l.clone().multiplyRight(yx),o[c]=f.transform(r))}let a={drawShadowMap:!!i.drawToShadowMap,useShadowMap:i.shadowMaps?i.shadowMaps.length>0:!1,color:i.shadowColor||mx,lightId:i.shadowLightId||0,lightCount:i.shadowMatrices.length,shadow_uShadowMap0:i.dummyShadowMap,shadow_uShadowMap1:i.dummyShadowMap};for(let c=0;c<s.length;c++)a[`viewProjectionMatrix${c}`]=s[c],a[`projectCenter${c}`]=o[c];for(let c=0;c<2;c++)a[`shadow_uShadowMap${c}`]=i.shadowMaps&&i.shadowMaps[c]||i.dummyShadowMap;return a}var so={name:"shadow",dependencies:[Zt],vs:hx,fs:dx,inject:{"vs:DECKGL_FILTER_GL_POSITION":`
    position = shadow_setVertexPosition(geometry.position);
    `,"fs:DECKGL_FILTER_COLOR":`
    color = shadow_filterShadowColor(color);
    `},getUniforms:Px,uniformTypes:{drawShadowMap:"f32",useShadowMap:"f32",color:"vec4<f32>",lightId:"i32",lightCount:"f32",viewProjectionMatrix0:"mat4x4<f32>",viewProjectionMatrix1:"mat4x4<f32>",projectCenter0:"vec4<f32>",projectCenter1:"vec4<f32>"}};var ao=10,sn=16777215;function Ah(i,t){i.length===ao?I.warn(`pickMultipleObjects can only exclude ${ao} previously picked objects for layers without picking buffers`)():i.push(t)}var wx=`  float disabledPickingIndexCount;
  vec4 disabledPickingIndices0;
  vec4 disabledPickingIndices1;
  vec4 disabledPickingIndices2;
`;function Lh(i){return i.replace(`  vec4 highlightColor;
} picking;`,`  vec4 highlightColor;
${wx}} picking;`)}function Ua(i,t){return[i[t]||0,i[t+1]||0,i[t+2]||0,i[t+3]||0]}var bx=`vec3 picking_getPickingColorFromIndex(float objectIndex) {
  if (objectIndex < 0.0 || objectIndex >= ${sn}.0) {
    return vec3(0.0);
  }

  for (int i = 0; i < ${ao}; i++) {
    if (float(i) >= picking.disabledPickingIndexCount) {
      break;
    }
    vec4 disabledIndices = i < 4
      ? picking.disabledPickingIndices0
      : (i < 8 ? picking.disabledPickingIndices1 : picking.disabledPickingIndices2);
    float disabledIndex = disabledIndices[i - (i / 4) * 4];
    if (disabledIndex == objectIndex) {
      return vec3(0.0);
    }
  }

  float encodedIndex = objectIndex + 1.0;
  return vec3(
    mod(encodedIndex, 256.0),
    mod(floor(encodedIndex / 256.0), 256.0),
    mod(floor(encodedIndex / 65536.0), 256.0)
  );
}

vec3 picking_getPickingColorFromIndex(uint objectIndex) {
  return picking_getPickingColorFromIndex(float(objectIndex));
}

vec3 picking_getPickingColorFromInstanceID() {
  return picking_getPickingColorFromIndex(float(gl_InstanceID));
}

void picking_setPickingColorFromInstanceID() {
  picking_setPickingColor(picking_getPickingColorFromInstanceID());
}
`,Ex=`struct pickingUniforms {
  isActive: f32,
  isAttribute: f32,
  isHighlightActive: f32,
  useByteColors: f32,
  highlightedObjectColor: vec3<f32>,
  highlightColor: vec4<f32>,
  disabledPickingIndexCount: f32,
  disabledPickingIndices0: vec4<f32>,
  disabledPickingIndices1: vec4<f32>,
  disabledPickingIndices2: vec4<f32>,
};

@group(0) @binding(auto) var<uniform> picking: pickingUniforms;

fn picking_normalizeColor(color: vec3<f32>) -> vec3<f32> {
  return select(color, color / 255.0, picking.useByteColors > 0.5);
}

fn picking_normalizeColor4(color: vec4<f32>) -> vec4<f32> {
  return select(color, color / 255.0, picking.useByteColors > 0.5);
}

fn picking_isColorZero(color: vec3<f32>) -> bool {
  return dot(color, vec3<f32>(1.0)) < 0.00001;
}

fn picking_isColorValid(color: vec3<f32>) -> bool {
  return dot(color, vec3<f32>(1.0)) > 0.00001;
}

fn picking_getPickingColorFromIndex(objectIndex: u32) -> vec3<f32> {
  if (objectIndex >= ${sn}u) {
    return vec3<f32>(0.0);
  }

  for (var i = 0; i < ${ao}; i = i + 1) {
    if (f32(i) >= picking.disabledPickingIndexCount) {
      break;
    }
    let disabledIndices = select(
      picking.disabledPickingIndices2,
      select(picking.disabledPickingIndices1, picking.disabledPickingIndices0, i < 4),
      i < 8
    );
    let disabledIndex = disabledIndices[i % 4];
    if (disabledIndex == f32(objectIndex)) {
      return vec3<f32>(0.0);
    }
  }

  let encodedIndex = objectIndex + 1u;
  return vec3<f32>(
    f32(encodedIndex % 256u),
    f32((encodedIndex / 256u) % 256u),
    f32((encodedIndex / 65536u) % 256u)
  ) / 255.0;
}
`,Ft={...we,vs:`${Lh(we.vs)}
${bx}`,fs:Lh(we.fs),source:Ex,uniformTypes:{...we.uniformTypes,disabledPickingIndexCount:"f32",disabledPickingIndices0:"vec4<f32>",disabledPickingIndices1:"vec4<f32>",disabledPickingIndices2:"vec4<f32>"},defaultUniforms:{...we.defaultUniforms,useByteColors:!0,disabledPickingIndexCount:0,disabledPickingIndices0:[0,0,0,0],disabledPickingIndices1:[0,0,0,0],disabledPickingIndices2:[0,0,0,0]},getUniforms(i,t){let e=we.getUniforms(i,t),n=i.disabledPickingIndices||[];return e.disabledPickingIndexCount=n.length,e.disabledPickingIndices0=Ua(n,0),e.disabledPickingIndices1=Ua(n,4),e.disabledPickingIndices2=Ua(n,8),e},inject:{"vs:DECKGL_FILTER_GL_POSITION":`
    // for picking depth values
    picking_setPickingAttribute(position.z / position.w);
  `,"vs:DECKGL_FILTER_COLOR":`
  picking_setPickingColor(geometry.pickingColor);
  `,"fs:DECKGL_FILTER_COLOR":{order:99,injection:`
  // use highlight color if this fragment belongs to the selected object.
  color = picking_filterHighlightColor(color);

  // use picking color if rendering to picking FBO.
  color = picking_filterPickingColor(color);
    `}}};var Sx=[Yr],Cx=["vs:DECKGL_FILTER_SIZE(inout vec3 size, VertexGeometry geometry)","vs:DECKGL_FILTER_GL_POSITION(inout vec4 position, VertexGeometry geometry)","vs:DECKGL_FILTER_COLOR(inout vec4 color, VertexGeometry geometry)","fs:DECKGL_FILTER_COLOR(inout vec4 color, FragmentGeometry geometry)"],Tx=[];function Ih(i){let t=jc.getDefaultShaderAssembler(i);for(let n of Sx)t.addDefaultModule(n);t._hookFunctions.length=0;let e=i==="glsl"?Cx:Tx;for(let n of e)t.addShaderHook(n);return t}var Lx=[255,255,255],Ax=1,Ix=0,co=class{constructor(t={}){this.type="ambient";let{color:e=Lx}=t,{intensity:n=Ax}=t;this.id=t.id||`ambient-${Ix++}`,this.color=e,this.intensity=n}};var Rx=[255,255,255],Ox=1,kx=[0,0,-1],Dx=0,an=class{constructor(t={}){this.type="directional";let{color:e=Rx}=t,{intensity:n=Ox}=t,{direction:r=kx}=t,{_shadow:o=!1}=t;this.id=t.id||`directional-${Dx++}`,this.color=e,this.intensity=n,this.type="directional",this.direction=new Q(r).normalize().toArray(),this.shadow=o}getProjectedLight(t){return this}};var cn=class{constructor(t,e={id:"pass"}){let{id:n}=e;this.id=n,this.device=t,this.props={...e}}setProps(t){Object.assign(this.props,t)}render(t){}cleanup(){}};var zx={depthWriteEnabled:!0,depthCompare:"less-equal",blendColorOperation:"add",blendColorSrcFactor:"one",blendColorDstFactor:"one-minus-src-alpha",blendAlphaOperation:"add",blendAlphaSrcFactor:"one",blendAlphaDstFactor:"one-minus-src-alpha"},Xt=class extends cn{constructor(){super(...arguments),this._lastRenderIndex=-1}render(t){this._render(t)}_render(t){let{canvasContext:e=this.device.canvasContext}=t,n=t.target??e.getCurrentFramebuffer(),[r,o]=e.getDrawingBufferSize(),s=t.clearCanvas??!0,a=t.clearColor??(s?[0,0,0,0]:!1),c=s?1:!1,l=s?0:!1,f=t.colorMask??15,h={viewport:[0,0,r,o]};t.colorMask&&(h.colorMask=f),t.scissorRect&&(h.scissorRect=t.scissorRect);let{shaderModuleProps:u,viewports:d,views:p,onViewportActive:g,clearStack:m=!0}=t,v=t.pass||"unknown",_=this.device.type==="webgpu";m&&(this._lastRenderIndex=-1);let y=[];if(!d.length)return this.device.beginRenderPass({framebuffer:n,parameters:h,clearColor:a,clearDepth:c,clearStencil:l}).end(),this.device.submit(),y;try{for(let x of d){g?.(x);let w=this._getDrawLayerParams(x,t),P=p&&p[x.id],C=x.subViewports||[x],M=_?C.map(S=>[S]):[C];for(let S of M){let b=this.device.beginRenderPass({framebuffer:n,parameters:h,clearColor:a,clearDepth:c,clearStencil:l});try{for(let R of S){let O=this._drawLayersInViewport(b,{target:n,canvasContext:e,shaderModuleProps:u,viewport:R,view:P,pass:v,layers:t.layers,isPicking:t.isPicking},w);y.push(O)}}finally{b.end(),_&&this.device.submit()}a=!1,c=!1,l=!1}}return y}finally{_||this.device.submit()}}_getDrawLayerParams(t,{layers:e,pass:n,isPicking:r=!1,layerFilter:o,cullRect:s,views:a,effects:c,canvasContext:l=this.device.canvasContext,shaderModuleProps:f},h=!1){let u=[],d=Oh(this._lastRenderIndex+1),p={layer:e[0],viewport:t,isPicking:r,renderPass:n,cullRect:s},g={};for(let m=0;m<e.length;m++){let v=e[m],_=this._shouldDrawLayer(v,p,o,g),y={shouldDrawLayer:_};if(_&&!h){y.shouldDrawLayer=!0,y.layerRenderIndex=d(v,_),y.shaderModuleProps=this._getShaderModuleProps(v,c,n,l,f);let x=v.context.device.type==="webgpu"?zx:null;y.layerParameters={...x,...v.context.deck?.props.parameters,...a?.[t.id]?.props.parameters,...this.getLayerParameters(v,m,t)}}u[m]=y}return u}_drawLayersInViewport(t,{layers:e,shaderModuleProps:n,pass:r,target:o,canvasContext:s,viewport:a,view:c,isPicking:l},f){let h=Nx(this.device,{canvasContext:s,shaderModuleProps:n,target:o,viewport:a});if(c){let{clear:d,clearColor:p,clearDepth:g,clearStencil:m}=c.props;if(d){let v=[0,0,0,0],_=1,y=0;Array.isArray(p)&&!l?v=[...p.slice(0,3),p[3]||255].map(w=>w/255):p===!1&&(v=!1),g!==void 0&&(_=g),m!==void 0&&(y=m),this.device.beginRenderPass({framebuffer:o,parameters:{viewport:h,scissorRect:h},clearColor:v,clearDepth:_,clearStencil:y}).end()}}let u={totalCount:e.length,visibleCount:0,compositeCount:0,pickableCount:0};t.setParameters({viewport:h});for(let d=0;d<e.length;d++){let p=e[d],g=f[d],{shouldDrawLayer:m}=g;if(m&&p.props.pickable&&u.pickableCount++,p.isComposite&&u.compositeCount++,p.isDrawable&&g.shouldDrawLayer){let{layerRenderIndex:v,shaderModuleProps:_,layerParameters:y}=g;u.visibleCount++,this._lastRenderIndex=Math.max(this._lastRenderIndex,v),_.project&&(_.project.viewport=a),p.context.renderPass=t;try{p._drawLayer({renderPass:t,shaderModuleProps:_,uniforms:{layerIndex:v},parameters:y})}catch(x){p.raiseError(x,`drawing ${p} to ${r}`)}}}return u}shouldDrawLayer(t){return!0}getShaderModuleProps(t,e,n){return null}getLayerParameters(t,e,n){return t.props.parameters}_shouldDrawLayer(t,e,n,r){if(!(t.props.visible&&this.shouldDrawLayer(t)))return!1;e.layer=t;let s=t.parent;for(;s;){if(!s.props.visible||!s.filterSubLayer(e))return!1;e.layer=s,s=s.parent}if(n){let a=e.layer.id;if(a in r||(r[a]=n(e)),!r[a])return!1}return t.activateViewport(e.viewport),!0}_getShaderModuleProps(t,e,n,r,o){let s=r.cssToDeviceRatio(),a=t.internalState?.propsInTransition||t.props,c={layer:a,picking:{isActive:!1},project:{viewport:t.context.viewport,devicePixelRatio:s,modelMatrix:a.modelMatrix,coordinateSystem:a.coordinateSystem,coordinateOrigin:a.coordinateOrigin,autoWrapLongitude:t.wrapLongitude}};if(e)for(let l of e)Rh(c,l.getShaderModuleProps?.(t,c));for(let l of t.context.defaultShaderModules)l.name in c||(c[l.name]={});return Rh(c,this.getShaderModuleProps(t,e,c),o)}};function Oh(i=0,t={}){let e={},n=(r,o)=>{let s=r.props._offset,a=r.id,c=r.parent&&r.parent.id,l;if(c&&!(c in t)&&n(r.parent,!1),c in e){let f=e[c]=e[c]||Oh(t[c],t);l=f(r,o),e[a]=f}else Number.isFinite(s)?(l=s+(t[c]||0),e[a]=null):l=i;return o&&l>=i&&(i=l+1),t[a]=l,l};return n}function Nx(i,{canvasContext:t=i.canvasContext,shaderModuleProps:e,target:n,viewport:r}){let o=e?.project?.devicePixelRatio??t.cssToDeviceRatio(),[,s]=t.getDrawingBufferSize(),a=n?n.height:s,c=r;return[c.x*o,a-(c.y+c.height)*o,c.width*o,c.height*o]}function Rh(i,...t){for(let e of t)if(e)for(let n in e)i[n]?Object.assign(i[n],e[n]):i[n]=e[n];return i}var ln=class extends Xt{constructor(t,e){super(t,e);let n=t.createTexture({format:"rgba8unorm",width:1,height:1,sampler:{minFilter:"linear",magFilter:"linear",addressModeU:"clamp-to-edge",addressModeV:"clamp-to-edge"}}),r=t.createTexture({format:"depth16unorm",width:1,height:1});this.fbo=t.createFramebuffer({id:"shadowmap",width:1,height:1,colorAttachments:[n],depthStencilAttachment:r})}delete(){this.fbo&&(this.fbo.destroy(),this.fbo=null)}getShadowMap(){return this.fbo.colorAttachments[0].texture}render(t){let e=this.fbo,n=this.device.canvasContext.cssToDeviceRatio(),r=t.viewports[0],o=r.width*n,s=r.height*n,a=[1,1,1,1];(o!==e.width||s!==e.height)&&e.resize({width:o,height:s}),super.render({...t,clearColor:a,target:e,pass:"shadow"})}getLayerParameters(t,e,n){return{...t.props.parameters,blend:!1,depthWriteEnabled:!0,depthCompare:"less-equal"}}shouldDrawLayer(t){return t.props.shadowEnabled!==!1}getShaderModuleProps(t,e,n){return{shadow:{project:n.project,drawToShadowMap:!0}}}};var Bx={color:[255,255,255],intensity:1},kh=[{color:[255,255,255],intensity:1,direction:[-1,3,-1]},{color:[255,255,255],intensity:.9,direction:[1,-8,-2.5]}],jx=[0,0,0,200/255],fi=class{constructor(t={}){this.id="lighting-effect",this.shadowColor=jx,this.shadow=!1,this.directionalLights=[],this.pointLights=[],this.shadowPasses=[],this.dummyShadowMap=null,this.setProps(t)}setup(t){this.context=t;let{device:e,deck:n}=t;this.shadow&&!this.dummyShadowMap&&(this._createShadowPasses(e),n._addDefaultShaderModule(so),this.dummyShadowMap=e.createTexture({width:1,height:1}))}setProps(t){this.ambientLight=void 0,this.directionalLights=[],this.pointLights=[];for(let e in t){let n=t[e];switch(n.type){case"ambient":this.ambientLight=n;break;case"directional":this.directionalLights.push(n);break;case"point":this.pointLights.push(n);break;default:}}this._applyDefaultLights(),this.shadow=this.directionalLights.some(e=>e.shadow),this.context&&this.setup(this.context),this.props=t}preRender({layers:t,layerFilter:e,viewports:n,onViewportActive:r,views:o}){if(this.shadow){this.shadowMatrices=this._calculateMatrices();for(let s=0;s<this.shadowPasses.length;s++)this.shadowPasses[s].render({layers:t,layerFilter:e,viewports:n,onViewportActive:r,views:o,shaderModuleProps:{shadow:{shadowLightId:s,dummyShadowMap:this.dummyShadowMap,shadowMatrices:this.shadowMatrices}}})}}getShaderModuleProps(t,e){let n=this.shadow?{project:e.project,shadowMaps:this.shadowPasses.map(s=>s.getShadowMap()),dummyShadowMap:this.dummyShadowMap,shadowColor:this.shadowColor,shadowMatrices:this.shadowMatrices}:{},r={enabled:!0,lights:this._getLights(t)},o=t.props.material;return{shadow:n,lighting:r,phongMaterial:o,gouraudMaterial:o}}cleanup(t){for(let e of this.shadowPasses)e.delete();this.shadowPasses.length=0,this.dummyShadowMap&&(this.dummyShadowMap.destroy(),this.dummyShadowMap=null,t.deck._removeDefaultShaderModule(so))}_calculateMatrices(){let t=[];for(let e of this.directionalLights){let n=new X().lookAt({eye:new Q(e.direction).negate()});t.push(n)}return t}_createShadowPasses(t){for(let e=0;e<this.directionalLights.length;e++){let n=new ln(t);this.shadowPasses[e]=n}}_applyDefaultLights(){let{ambientLight:t,pointLights:e,directionalLights:n}=this;!t&&e.length===0&&n.length===0&&(this.ambientLight=new co(Bx),this.directionalLights.push(new an(kh[0]),new an(kh[1])))}_getLights(t){let e=[];this.ambientLight&&e.push(this.ambientLight);for(let n of this.pointLights)e.push(n.getProjectedLight({layer:t}));for(let n of this.directionalLights)e.push(n.getProjectedLight({layer:t}));return e}};var Fa=class{constructor(t={}){this._pool=[],this.opts={overAlloc:2,poolSize:100},this.setOptions(t)}setOptions(t){Object.assign(this.opts,t)}allocate(t,e,{size:n=1,type:r,padding:o=0,copy:s=!1,initialize:a=!1,maxCount:c}){let l=r||t&&t.constructor||Float32Array,f=e*n+o;if(ArrayBuffer.isView(t)){if(f<=t.length)return t;if(f*t.BYTES_PER_ELEMENT<=t.buffer.byteLength)return new l(t.buffer,0,f)}let h=1/0;c&&(h=c*n+o);let u=this._allocate(l,f,a,h);return t&&s?u.set(t):a||u.fill(0,0,4),this._release(t),u}release(t){this._release(t)}_allocate(t,e,n,r){let o=Math.max(Math.ceil(e*this.opts.overAlloc),1);o>r&&(o=r);let s=this._pool,a=t.BYTES_PER_ELEMENT*o,c=s.findIndex(l=>l.byteLength>=a);if(c>=0){let l=new t(s.splice(c,1)[0],0,o);return n&&l.fill(0),l}return new t(o)}_release(t){if(!ArrayBuffer.isView(t))return;let e=this._pool,{buffer:n}=t,{byteLength:r}=n,o=e.findIndex(s=>s.byteLength>=r);o<0?e.push(n):(o>0||e.length<this.opts.poolSize)&&e.splice(o,0,n),e.length>this.opts.poolSize&&e.shift()}},St=new Fa;function ui(){return[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1]}function Kt(i,t){let e=i%t;return e<0?t+e:e}function zh(i){return[i[12],i[13],i[14]]}function Nh(i){return{left:hi(i[3]+i[0],i[7]+i[4],i[11]+i[8],i[15]+i[12]),right:hi(i[3]-i[0],i[7]-i[4],i[11]-i[8],i[15]-i[12]),bottom:hi(i[3]+i[1],i[7]+i[5],i[11]+i[9],i[15]+i[13]),top:hi(i[3]-i[1],i[7]-i[5],i[11]-i[9],i[15]-i[13]),near:hi(i[3]+i[2],i[7]+i[6],i[11]+i[10],i[15]+i[14]),far:hi(i[3]-i[2],i[7]-i[6],i[11]-i[10],i[15]-i[14])}}var Dh=new Q;function hi(i,t,e,n){Dh.set(i,t,e);let r=Dh.len();return{distance:n/r,normal:new Q(-i/r,-t/r,-e/r)}}function Vx(i){return i-Math.fround(i)}var fn;function di(i,t){let{size:e=1,startIndex:n=0}=t,r=t.endIndex!==void 0?t.endIndex:i.length,o=(r-n)/e;fn=St.allocate(fn,o,{type:Float32Array,size:e*2});let s=n,a=0;for(;s<r;){for(let c=0;c<e;c++){let l=i[s++];fn[a+c]=l,fn[a+c+e]=Vx(l)}a+=e*2}return fn.subarray(0,o*e*2)}function Bh(i){let t=null,e=!1;for(let n of i)n&&(t?(e||(t=[[t[0][0],t[0][1]],[t[1][0],t[1][1]]],e=!0),t[0][0]=Math.min(t[0][0],n[0][0]),t[0][1]=Math.min(t[0][1],n[0][1]),t[1][0]=Math.max(t[1][0],n[1][0]),t[1][1]=Math.max(t[1][1],n[1][1])):t=n);return t}var Ux=Math.PI/180,Fx=ui(),jh=[0,0,0],Gx={unitsPerMeter:[1,1,1],metersPerUnit:[1,1,1]};function Wx({width:i,height:t,orthographic:e,fovyRadians:n,focalDistance:r,padding:o,near:s,far:a}){let c=i/t,l=e?new X().orthographic({fovy:n,aspect:c,focalDistance:r,near:s,far:a}):new X().perspective({fovy:n,aspect:c,near:s,far:a});if(o){let{left:f=0,right:h=0,top:u=0,bottom:d=0}=o,p=B((f+i-h)/2,0,i)-i/2,g=B((u+t-d)/2,0,t)-t/2;l[8]-=p*2/i,l[9]+=g*2/t}return l}var lo=class i{constructor(t={}){this._frustumPlanes={},this.id=t.id||this.constructor.displayName||"viewport",this.x=t.x||0,this.y=t.y||0,this.width=t.width||1,this.height=t.height||1,this.zoom=t.zoom||0,this.padding=t.padding,this.distanceScales=t.distanceScales||Gx,this.focalDistance=t.focalDistance||1,this.position=t.position||jh,this.modelMatrix=t.modelMatrix||null;let{longitude:e,latitude:n}=t;this.isGeospatial=Number.isFinite(n)&&Number.isFinite(e),this._initProps(t),this._initMatrices(t),this.equals=this.equals.bind(this),this.project=this.project.bind(this),this.unproject=this.unproject.bind(this),this.projectPosition=this.projectPosition.bind(this),this.unprojectPosition=this.unprojectPosition.bind(this),this.projectFlat=this.projectFlat.bind(this),this.unprojectFlat=this.unprojectFlat.bind(this)}get subViewports(){return null}get metersPerPixel(){return this.distanceScales.metersPerUnit[2]/this.scale}get projectionMode(){return this.isGeospatial?this.zoom<12?H.WEB_MERCATOR:H.WEB_MERCATOR_AUTO_OFFSET:H.IDENTITY}equals(t){return t instanceof i?this===t?!0:t.width===this.width&&t.height===this.height&&t.scale===this.scale&&t.projectionMode===this.projectionMode&&t.resolution===this.resolution&&zt(t.distanceScales.unitsPerMeter,this.distanceScales.unitsPerMeter)&&zt(t.projectionMatrix,this.projectionMatrix)&&zt(t.viewMatrix,this.viewMatrix):!1}project(t,{topLeft:e=!0}={}){let n=this.projectPosition(t),r=pe(n,this.pixelProjectionMatrix),[o,s]=r,a=e?s:this.height-s;return t.length===2?[o,a]:[o,a,r[2]]}unproject(t,{topLeft:e=!0,targetZ:n}={}){let[r,o,s]=t,a=e?o:this.height-o,c=n&&n*this.distanceScales.unitsPerMeter[2],l=ge([r,a,s],this.pixelUnprojectionMatrix,c),[f,h,u]=this.unprojectPosition(l);return Number.isFinite(s)?[f,h,u]:Number.isFinite(n)?[f,h,n]:[f,h]}projectPosition(t){let[e,n]=this.projectFlat(t),r=(t[2]||0)*this.distanceScales.unitsPerMeter[2];return[e,n,r]}unprojectPosition(t){let[e,n]=this.unprojectFlat(t),r=(t[2]||0)*this.distanceScales.metersPerUnit[2];return[e,n,r]}projectFlat(t){if(this.isGeospatial){let e=st(t);return e[1]=B(e[1],-318,830),e}return t}unprojectFlat(t){return this.isGeospatial?ut(t):t}getBounds(t={}){let e={targetZ:t.z||0},n=this.unproject([0,0],e),r=this.unproject([this.width,0],e),o=this.unproject([0,this.height],e),s=this.unproject([this.width,this.height],e);return[Math.min(n[0],r[0],o[0],s[0]),Math.min(n[1],r[1],o[1],s[1]),Math.max(n[0],r[0],o[0],s[0]),Math.max(n[1],r[1],o[1],s[1])]}getDistanceScales(t){return t&&this.isGeospatial?li({longitude:t[0],latitude:t[1],highPrecision:!0}):this.distanceScales}containsPixel({x:t,y:e,width:n=1,height:r=1}){return t<this.x+this.width&&this.x<t+n&&e<this.y+this.height&&this.y<e+r}getFrustumPlanes(){return this._frustumPlanes.near?this._frustumPlanes:(Object.assign(this._frustumPlanes,Nh(this.viewProjectionMatrix)),this._frustumPlanes)}panByPosition(t,e,n){return null}_initProps(t){let e=t.longitude,n=t.latitude;this.isGeospatial&&(Number.isFinite(t.zoom)||(this.zoom=ja({latitude:n})+Math.log2(this.focalDistance)),this.distanceScales=t.distanceScales||li({latitude:n,longitude:e}));let r=Math.pow(2,this.zoom);this.scale=r;let{position:o,modelMatrix:s}=t,a=jh;if(o&&(a=s?new X(s).transformAsVector(o,[]):o),this.isGeospatial){let c=this.projectPosition([e,n,0]);this.center=new Q(a).scale(this.distanceScales.unitsPerMeter).add(c)}else this.center=this.projectPosition(a)}_initMatrices(t){let{viewMatrix:e=Fx,projectionMatrix:n=null,orthographic:r=!1,fovyRadians:o,fovy:s=75,near:a=.1,far:c=1e3,padding:l=null,focalDistance:f=1}=t;this.viewMatrixUncentered=e,this.viewMatrix=new X().multiplyRight(e).translate(new Q(this.center).negate()),this.projectionMatrix=n||Wx({width:this.width,height:this.height,orthographic:r,fovyRadians:o||s*Ux,focalDistance:f,padding:l,near:a,far:c});let h=ui();q.multiply(h,h,this.projectionMatrix),q.multiply(h,h,this.viewMatrix),this.viewProjectionMatrix=h,this.viewMatrixInverse=q.invert([],this.viewMatrix)||this.viewMatrix,this.cameraPosition=zh(this.viewMatrixInverse);let u=ui(),d=ui();q.scale(u,u,[this.width/2,-this.height/2,1]),q.translate(u,u,[1,-1,0]),q.multiply(d,u,this.viewProjectionMatrix),this.pixelProjectionMatrix=d,this.pixelUnprojectionMatrix=q.invert(ui(),this.pixelProjectionMatrix),this.pixelUnprojectionMatrix||I.warn("Pixel project matrix not invertible")()}};lo.displayName="Viewport";var pi=lo;var fo=class i extends pi{constructor(t={}){let{latitude:e=0,longitude:n=0,zoom:r=0,pitch:o=0,bearing:s=0,nearZMultiplier:a=.1,farZMultiplier:c=1.01,nearZ:l,farZ:f,orthographic:h=!1,projectionMatrix:u,repeat:d=!1,worldOffset:p=0,position:g,padding:m,legacyMeterSizes:v=!1}=t,{width:_,height:y,altitude:x=1.5}=t,w=Math.pow(2,r);_=_||1,y=y||1;let P,C=null;if(u)x=u[5]/2,P=qt(x);else{t.fovy?(P=t.fovy,x=De(P)):P=qt(x);let S;if(m){let{top:b=0,bottom:R=0}=m;S=[0,B((b+y-R)/2,0,y)-y/2]}C=Va({width:_,height:y,scale:w,center:g&&[0,0,g[2]*ke(e)],offset:S,pitch:o,fovy:P,nearZMultiplier:a,farZMultiplier:c}),Number.isFinite(l)&&(C.near=l),Number.isFinite(f)&&(C.far=f)}let M=no({height:y,pitch:o,bearing:s,scale:w,altitude:x});p&&(M=new X().translate([512*p,0,0]).multiplyLeft(M)),super({...t,width:_,height:y,viewMatrix:M,longitude:n,latitude:e,zoom:r,...C,fovy:P,focalDistance:x}),this.latitude=e,this.longitude=n,this.zoom=r,this.pitch=o,this.bearing=s,this.altitude=x,this.fovy=P,this.orthographic=h,this._subViewports=d?[]:null,this._pseudoMeters=v,Object.freeze(this)}get subViewports(){if(this._subViewports&&!this._subViewports.length){let t=this.getBounds(),e=Math.floor((t[0]+180)/360),n=Math.ceil((t[2]-180)/360);for(let r=e;r<=n;r++){let o=r?new i({...this,worldOffset:r}):this;this._subViewports.push(o)}}return this._subViewports}equals(t){return t instanceof i&&t._pseudoMeters===this._pseudoMeters&&super.equals(t)}projectPosition(t){if(this._pseudoMeters)return super.projectPosition(t);let[e,n]=this.projectFlat(t),r=(t[2]||0)*ke(t[1]);return[e,n,r]}unprojectPosition(t){if(this._pseudoMeters)return super.unprojectPosition(t);let[e,n]=this.unprojectFlat(t),r=(t[2]||0)/ke(n);return[e,n,r]}addMetersToLngLat(t,e){return on(t,e)}panByPosition(t,e,n){let r=ge(e,this.pixelUnprojectionMatrix),o=this.projectFlat(t),s=wt.add([],o,wt.negate([],r)),a=wt.add([],this.center,s),[c,l]=this.unprojectFlat(a);return{longitude:c,latitude:l}}panByPosition3D(t,e){let n=t[2]||0,r=wt.sub([],t,this.unproject(e,{targetZ:n}));return{longitude:this.longitude+r[0],latitude:this.latitude+r[1]}}getBounds(t={}){let e=oo(this,t.z||0);return[Math.min(e[0][0],e[1][0],e[2][0],e[3][0]),Math.min(e[0][1],e[1][1],e[2][1],e[3][1]),Math.max(e[0][0],e[1][0],e[2][0],e[3][0]),Math.max(e[0][1],e[1][1],e[2][1],e[3][1])]}fitBounds(t,e={}){let{width:n,height:r}=this,{longitude:o,latitude:s,zoom:a}=ro({width:n,height:r,bounds:t,...e});return new i({width:n,height:r,longitude:o,latitude:s,zoom:a})}};fo.displayName="WebMercatorViewport";var Jt=fo;var Vh=[0,0,0];function Ga(i,t,e=!1){let n=t.projectPosition(i);if(e&&t instanceof Jt){let[r,o,s=0]=i,a=t.getDistanceScales([r,o]);n[2]=s*a.unitsPerMeter[2]}return n}function Yx(i){let{viewport:t,modelMatrix:e,coordinateOrigin:n}=i,{coordinateSystem:r,fromCoordinateSystem:o,fromCoordinateOrigin:s}=i;return r==="default"&&(r=t.isGeospatial?"lnglat":"cartesian"),o===void 0?o=r:o==="default"&&(o=t.isGeospatial?"lnglat":"cartesian"),s===void 0&&(s=n),{viewport:t,coordinateSystem:r,coordinateOrigin:n,modelMatrix:e,fromCoordinateSystem:o,fromCoordinateOrigin:s}}function ho(i,{viewport:t,modelMatrix:e,coordinateSystem:n,coordinateOrigin:r,offsetMode:o}){let[s,a,c=0]=i;switch(e&&([s,a,c]=nt.transformMat4([],[s,a,c,1],e)),n){case"default":return ho(i,{viewport:t,modelMatrix:e,coordinateSystem:t.isGeospatial?"lnglat":"cartesian",coordinateOrigin:r,offsetMode:o});case"lnglat":return Ga([s,a,c],t,o);case"lnglat-offsets":return Ga([s+r[0],a+r[1],c+(r[2]||0)],t,o);case"meter-offsets":return Ga(on(r,[s,a,c]),t,o);case"cartesian":return t.isGeospatial?[s+r[0],a+r[1],c+r[2]]:t.projectPosition([s,a,c]);default:throw new Error(`Invalid coordinateSystem: ${n}`)}}function Uh(i,t){let{viewport:e,coordinateSystem:n,coordinateOrigin:r,modelMatrix:o,fromCoordinateSystem:s,fromCoordinateOrigin:a}=Yx(t),{autoOffset:c=!0}=t,{geospatialOrigin:l=Vh,shaderCoordinateOrigin:f=Vh,offsetMode:h=!1}=c?Da(e,n,r):{},u=ho(i,{viewport:e,modelMatrix:o,coordinateSystem:s,coordinateOrigin:a,offsetMode:h});if(h){let d=e.projectPosition(l||f);j.sub(u,u,d)}return u}var $x={blendColorOperation:"add",blendColorSrcFactor:"one",blendColorDstFactor:"zero",blendAlphaOperation:"add",blendAlphaSrcFactor:"constant",blendAlphaDstFactor:"zero"},ze=class extends Xt{constructor(){super(...arguments),this._colorEncoderState=null}render(t){return"pickingFBO"in t?this._drawPickingBuffer(t):{decodePickingColor:null,stats:super._render(t)}}_drawPickingBuffer({layers:t,layerFilter:e,views:n,viewports:r,onViewportActive:o,pickingFBO:s,deviceRect:{x:a,y:c,width:l,height:f},cullRect:h,effects:u,pass:d="picking",pickZ:p,canvasContext:g,shaderModuleProps:m,clearColor:v}){this.pickZ=p;let _=this._resetColorEncoder(p),y=[a,c,l,f],x=super._render({target:s,layers:t,layerFilter:e,views:n,viewports:r,onViewportActive:o,cullRect:h,effects:u?.filter(P=>P.useInPicking),pass:d,canvasContext:g,isPicking:!0,shaderModuleProps:m,clearColor:v??[0,0,0,0],colorMask:15,scissorRect:y});return this._colorEncoderState=null,{decodePickingColor:_&&Hx.bind(null,_),stats:x}}shouldDrawLayer(t){let{pickable:e,operation:n}=t.props;return e&&n.includes("draw")||n.includes("terrain")||n.includes("mask")}getShaderModuleProps(t,e,n){return{picking:{isActive:1,isAttribute:this.pickZ,disabledPickingIndices:t.internalState?.disabledPickingIndices},lighting:{enabled:!1}}}getLayerParameters(t,e,n){let r={...t.props.parameters},{pickable:o,operation:s}=t.props;return this._colorEncoderState?o&&s.includes("draw")?(Object.assign(r,$x),r.blend=!0,this.device.type==="webgpu"?r.blendConstant=Fh(this._colorEncoderState,t,n):r.blendColor=Fh(this._colorEncoderState,t,n),s.includes("terrain")&&t.state?._hasPickingCover&&(r.blendAlphaSrcFactor="one")):s.includes("terrain")&&(r.blend=!1):r.blend=!1,r}_resetColorEncoder(t){return this._colorEncoderState=t?null:{byLayer:new Map,byAlpha:[]},this._colorEncoderState}};function Fh(i,t,e){let{byLayer:n,byAlpha:r}=i,o,s=n.get(t);return s?(s.viewports.push(e),o=s.a):(o=n.size+1,o<=255?(s={a:o,layer:t,viewports:[e]},n.set(t,s),r[o]=s):(I.warn("Too many pickable layers, only picking the first 255")(),o=0)),[0,0,0,o/255]}function Hx(i,t){let e=i.byAlpha[t[3]];return e&&{pickedLayer:e.layer,pickedViewports:e.viewports,pickedObjectIndex:e.layer.decodePickingColor(t)}}var me={NO_STATE:"Awaiting state",MATCHED:"Matched. State transferred from previous layer",INITIALIZED:"Initialized",AWAITING_GC:"Discarded. Awaiting garbage collection",AWAITING_FINALIZATION:"No longer matched. Awaiting garbage collection",FINALIZED:"Finalized! Awaiting garbage collection"},gi=Symbol.for("component"),yt=Symbol.for("propTypes"),uo=Symbol.for("deprecatedProps"),Qt=Symbol.for("asyncPropDefaults"),Gt=Symbol.for("asyncPropOriginal"),Ct=Symbol.for("asyncPropResolved");function xt(i,t=()=>!0){return Array.isArray(i)?Gh(i,t,[]):t(i)?[i]:[]}function Gh(i,t,e){let n=-1;for(;++n<i.length;){let r=i[n];Array.isArray(r)?Gh(r,t,e):t(r)&&e.push(r)}return e}function Wa({target:i,source:t,start:e=0,count:n=1}){let r=t.length,o=n*r,s=0;for(let a=e;s<r;s++)i[a++]=t[s];for(;s<o;)s<o-s?(i.copyWithin(e+s,e,e+s),s*=2):(i.copyWithin(e+s,e,e+o-s),s=o);return i}var hn=class{constructor(t,e,n){this._loadCount=0,this._subscribers=new Set,this.id=t,this.context=n,this.setData(e)}subscribe(t){this._subscribers.add(t)}unsubscribe(t){this._subscribers.delete(t)}inUse(){return this._subscribers.size>0}delete(){}getData(){return this.isLoaded?this._error?Promise.reject(this._error):this._content:this._loader.then(()=>this.getData())}setData(t,e){if(t===this._data&&!e)return;this._data=t;let n=++this._loadCount,r=t;typeof t=="string"&&(r=fe(t)),r instanceof Promise?(this.isLoaded=!1,this._loader=r.then(o=>{this._loadCount===n&&(this.isLoaded=!0,this._error=void 0,this._content=o)}).catch(o=>{this._loadCount===n&&(this.isLoaded=!0,this._error=o||!0)})):(this.isLoaded=!0,this._error=void 0,this._content=t);for(let o of this._subscribers)o.onChange(this.getData())}};var un=class{constructor(t){this.protocol=t.protocol||"resource://",this._context={device:t.device,gl:t.device?.gl,resourceManager:this},this._resources={},this._consumers={},this._pruneRequest=null}contains(t){return t.startsWith(this.protocol)?!0:t in this._resources}add({resourceId:t,data:e,forceUpdate:n=!1,persistent:r=!0}){let o=this._resources[t];o?o.setData(e,n):(o=new hn(t,e,this._context),this._resources[t]=o),o.persistent=r}remove(t){let e=this._resources[t];e&&(e.delete(),delete this._resources[t])}unsubscribe({consumerId:t}){let e=this._consumers[t];if(e){for(let n in e){let r=e[n],o=this._resources[r.resourceId];o&&o.unsubscribe(r)}delete this._consumers[t],this.prune()}}subscribe({resourceId:t,onChange:e,consumerId:n,requestId:r="default"}){let{_resources:o,protocol:s}=this;t.startsWith(s)&&(t=t.replace(s,""),o[t]||this.add({resourceId:t,data:null,persistent:!1}));let a=o[t];if(this._track(n,r,a,e),a)return a.getData()}prune(){this._pruneRequest||(this._pruneRequest=setTimeout(()=>this._prune(),0))}finalize(){for(let t in this._resources)this._resources[t].delete()}_track(t,e,n,r){let o=this._consumers,s=o[t]=o[t]||{},a=s[e],c=a&&a.resourceId&&this._resources[a.resourceId];c&&(c.unsubscribe(a),this.prune()),n&&(a?(a.onChange=r,a.resourceId=n.id):a={onChange:r,resourceId:n.id},s[e]=a,n.subscribe(a))}_prune(){this._pruneRequest=null;for(let t of Object.keys(this._resources)){let e=this._resources[t];!e.persistent&&!e.inUse()&&(e.delete(),delete this._resources[t])}}};var Zx="layerManager.setLayers",qx="layerManager.activateViewport",dn=class{constructor(t,e){this._lastRenderedLayers=[],this._needsRedraw=!1,this._needsUpdate=!1,this._nextLayers=null,this._debug=!1,this._defaultShaderModulesChanged=!1,this.activateViewport=a=>{G(qx,this,a),a&&(this.context.viewport=a)};let{deck:n,stats:r,viewport:o,timeline:s}=e||{};this.layers=[],this.resourceManager=new un({device:t,protocol:"deck://"}),this.context={mousePosition:null,userData:{},layerManager:this,device:t,gl:t?.gl,deck:n,shaderAssembler:Ih(t?.info?.shadingLanguage||"glsl"),defaultShaderModules:[ba],renderPass:void 0,stats:r||new gr({id:"deck.gl"}),viewport:o||new pi({id:"DEFAULT-INITIAL-VIEWPORT"}),timeline:s||new yr,resourceManager:this.resourceManager,onError:void 0},Object.seal(this)}finalize(){this.resourceManager.finalize();for(let t of this.layers)this._finalizeLayer(t)}needsRedraw(t={clearRedrawFlags:!1}){let e=this._needsRedraw;t.clearRedrawFlags&&(this._needsRedraw=!1);for(let n of this.layers){let r=n.getNeedsRedraw(t);e=e||r}return e}needsUpdate(){return this._nextLayers&&this._nextLayers!==this._lastRenderedLayers?"layers changed":this._defaultShaderModulesChanged?"shader modules changed":this._needsUpdate}setNeedsRedraw(t){this._needsRedraw=this._needsRedraw||t}setNeedsUpdate(t){this._needsUpdate=this._needsUpdate||t}getLayers({layerIds:t}={}){return t?this.layers.filter(e=>t.find(n=>e.id.indexOf(n)===0)):this.layers}setProps(t){"debug"in t&&(this._debug=t.debug),"userData"in t&&(this.context.userData=t.userData),"layers"in t&&(this._nextLayers=t.layers),"onError"in t&&(this.context.onError=t.onError)}setLayers(t,e){G(Zx,this,e,t),this._lastRenderedLayers=t;let n=xt(t,Boolean);for(let r of n)r.context=this.context;this._updateLayers(this.layers,n)}updateLayers(){let t=this.needsUpdate();t&&(this.setNeedsRedraw(`updating layers: ${t}`),this.setLayers(this._nextLayers||this._lastRenderedLayers,t)),this._nextLayers=null}addDefaultShaderModule(t){let{defaultShaderModules:e}=this.context;e.find(n=>n.name===t.name)||(e.push(t),this._defaultShaderModulesChanged=!0)}removeDefaultShaderModule(t){let{defaultShaderModules:e}=this.context,n=e.findIndex(r=>r.name===t.name);n>=0&&(e.splice(n,1),this._defaultShaderModulesChanged=!0)}_handleError(t,e,n){n.raiseError(e,`${t} of ${n}`)}_updateLayers(t,e){let n={};for(let s of t)n[s.id]?I.warn(`Multiple old layers with same id ${s.id}`)():n[s.id]=s;if(this._defaultShaderModulesChanged){for(let s of t)s.setNeedsUpdate(),s.setChangeFlags({extensionsChanged:!0});this._defaultShaderModulesChanged=!1}let r=[];this._updateSublayersRecursively(e,n,r),this._finalizeOldLayers(n);let o=!1;for(let s of r)if(s.hasUniformTransition()){o=`Uniform transition in ${s}`;break}this._needsUpdate=o,this.layers=r}_updateSublayersRecursively(t,e,n){for(let r of t){r.context=this.context;let o=e[r.id];o===null&&I.warn(`Multiple new layers with same id ${r.id}`)(),e[r.id]=null;let s=null;try{this._debug&&o!==r&&r.validateProps(),o?(this._transferLayerState(o,r),this._updateLayer(r)):this._initializeLayer(r),n.push(r),s=r.isComposite?r.getSubLayers():null}catch(a){this._handleError("matching",a,r)}s&&this._updateSublayersRecursively(s,e,n)}}_finalizeOldLayers(t){for(let e in t){let n=t[e];n&&this._finalizeLayer(n)}}_initializeLayer(t){try{t._initialize(),t.lifecycle=me.INITIALIZED}catch(e){this._handleError("initialization",e,t)}}_transferLayerState(t,e){e._transferState(t),e.lifecycle=me.MATCHED,e!==t&&(t.lifecycle=me.AWAITING_GC)}_updateLayer(t){try{t._update()}catch(e){this._handleError("update",e,t)}}_finalizeLayer(t){this._needsRedraw=this._needsRedraw||`finalized ${t}`,t.lifecycle=me.AWAITING_FINALIZATION;try{t._finalize(),t.lifecycle=me.FINALIZED}catch(e){this._handleError("finalization",e,t)}}};function W(i,t,e){if(i===t)return!0;if(!e||!i||!t)return!1;if(Array.isArray(i)){if(!Array.isArray(t)||i.length!==t.length)return!1;for(let n=0;n<i.length;n++)if(!W(i[n],t[n],e-1))return!1;return!0}if(Array.isArray(t))return!1;if(typeof i=="object"&&typeof t=="object"){let n=Object.keys(i),r=Object.keys(t);if(n.length!==r.length)return!1;for(let o of n)if(!t.hasOwnProperty(o)||!W(i[o],t[o],e-1))return!1;return!0}return!1}var ye="default-canvas",pn=class{constructor(t){this.views=[],this.width=100,this.height=100,this.viewState={},this.controllers={},this.timeline=t.timeline,this._viewports=[],this._viewportMap={},this._isUpdating=!1,this._needsRedraw="First render",this._needsUpdate="Initialize",this._eventManager=t.eventManager,this._eventManagers=t.eventManagers||{},this._viewEventManagers={},this._eventCallbacks={onViewStateChange:t.onViewStateChange,onInteractionStateChange:t.onInteractionStateChange},this._pickPosition=t.pickPosition,this._getCanvasContext=t.getCanvasContext,Object.seal(this),this.setProps(t)}finalize(){for(let t in this.controllers){let e=this.controllers[t];e&&e.finalize()}this.controllers={}}needsRedraw(t={clearRedrawFlags:!1}){let e=this._needsRedraw;return t.clearRedrawFlags&&(this._needsRedraw=!1),e}setNeedsUpdate(t){this._needsUpdate=this._needsUpdate||t,this._needsRedraw=this._needsRedraw||t}updateViewStates(){for(let t in this.controllers){let e=this.controllers[t];e&&e.updateTransition()}}getViewports(t){return t?this._viewports.filter(e=>{let n=!t.canvasId||this.getCanvasId(e.id)===t.canvasId,r=!("x"in t)||e.containsPixel(t);return n&&r}):this._viewports}getViews(){let t={};return this.views.forEach(e=>{t[e.id]=e}),t}getView(t){return this.views.find(e=>e.id===t)}getViewState(t){let e=typeof t=="string"?this.getView(t):t,n=e&&this.viewState[e.getViewStateId()]||this.viewState;return e?e.filterViewState(n):n}getViewport(t){return this._viewportMap[t]}getCanvasId(t){let e=typeof t=="string"?this.getView(t):t;return e?this._viewEventManagers[e.id]?.canvasId||this._getCanvasIdFromView(e):void 0}unproject(t,e){let n=this.getViewports(),r={x:t[0],y:t[1]};for(let o=n.length-1;o>=0;--o){let s=n[o];if(s.containsPixel(r)){let a=t.slice();return a[0]-=s.x,a[1]-=s.y,s.unproject(a,e)}}return null}setProps(t){t.views&&this._setViews(t.views),t.viewState&&this._setViewState(t.viewState),("width"in t||"height"in t)&&this._setSize(t.width,t.height),"pickPosition"in t&&(this._pickPosition=t.pickPosition),"eventManagers"in t&&this._setEventManagers(t.eventManagers||{}),this._isUpdating||this._update()}_update(){this._isUpdating=!0,this._needsUpdate&&(this._needsUpdate=!1,this._rebuildViewports()),this._needsUpdate&&(this._needsUpdate=!1,this._rebuildViewports()),this._isUpdating=!1}_setSize(t,e){(t!==this.width||e!==this.height)&&(this.width=t,this.height=e,this.setNeedsUpdate("Size changed"))}_setViews(t){t=xt(t,Boolean),this._diffViews(t,this.views)&&this.setNeedsUpdate("views changed"),this.views=t}_setViewState(t){t?(!W(t,this.viewState,3)&&this.setNeedsUpdate("viewState changed"),this.viewState=t):I.warn("missing `viewState` or `initialViewState`")()}_setEventManagers(t){this._eventManagers!==t&&(this._eventManagers=t,this.setNeedsUpdate("eventManagers changed"))}_getCanvasIdFromView(t){return t.props.canvasId||this._getCanvasContext?.(t.id)?.id||ye}_getCanvasDimensions(t){let e=this._getCanvasContext?.(t.id),[n,r]=e?.getCSSSize()||[this.width,this.height];return{width:n,height:r}}_getViewEventManager(t){let e=this.getCanvasId(t)||ye;return{canvasId:e,eventManager:this._eventManagers[e]||this._eventManager}}_startViewportRebuild(){let t=this.controllers,e=this._viewEventManagers;return this._viewports=[],this.controllers={},this._viewEventManagers={},{oldControllers:t,oldViewEventManagers:e}}_getReusableController(t,e,n){return t&&(e?.canvasId!==n.canvasId||e?.eventManager!==n.eventManager)?(t.finalize(),null):t}_createController(t,e){let n=e.type;return new n({timeline:this.timeline,eventManager:this._getViewEventManager(t).eventManager,onViewStateChange:this._eventCallbacks.onViewStateChange,onStateChange:this._eventCallbacks.onInteractionStateChange,makeViewport:o=>this.getView(t.id)?.makeViewport({viewState:o,...this._getCanvasDimensions(t)}),pickPosition:(o,s)=>this._pickPosition?.(o,s,t.id)})}_updateController(t,e,n,r){let o=t.controller;if(o&&n){let s={...e,...o,id:t.id,x:n.x,y:n.y,width:n.width,height:n.height};return(!r||r.constructor!==o.type)&&(r=this._createController(t,s)),r&&r.setProps(s),r}return null}_rebuildViewports(){let{views:t}=this,{oldControllers:e,oldViewEventManagers:n}=this._startViewportRebuild(),r=!1;for(let o=t.length;o--;){let s=t[o],{width:a,height:c}=this._getCanvasDimensions(s),l=this._getViewEventManager(s);this._viewEventManagers[s.id]=l;let f=this.getViewState(s),h=s.makeViewport({viewState:f,width:a,height:c}),u=this._getReusableController(e[s.id],n[s.id],l),d=!!s.controller;d&&!u&&(r=!0),(r||!d)&&u&&(u.finalize(),u=null),this.controllers[s.id]=this._updateController(s,f,h,u),h&&this._viewports.unshift(h)}for(let o in e){let s=e[o];s&&!this.controllers[o]&&s.finalize()}this._buildViewportMap()}_buildViewportMap(){this._viewportMap={},this._viewports.forEach(t=>{t.id&&(this._viewportMap[t.id]=this._viewportMap[t.id]||t)})}_diffViews(t,e){return t.length!==e.length?!0:t.some((n,r)=>!t[r].equals(e[r]))}};var Xx=/^(?:\d+\.?\d*|\.\d+)$/;function at(i){switch(typeof i){case"number":if(!Number.isFinite(i))throw new Error(`Could not parse position string ${i}`);return{type:"literal",value:i};case"string":try{let t=Kx(i);return new $a(t).parseExpression()}catch(t){let e=t instanceof Error?t.message:String(t);throw new Error(`Could not parse position string ${i}: ${e}`)}default:throw new Error(`Could not parse position string ${i}`)}}function Ya(i,t){switch(i.type){case"literal":return i.value;case"percentage":return Math.round(i.value*t);case"binary":let e=Ya(i.left,t),n=Ya(i.right,t);return i.operator==="+"?e+n:e-n;default:throw new Error("Unknown layout expression type")}}function ct(i,t){return Ya(i,t)}function Kx(i){let t=[],e=0;for(;e<i.length;){let n=i[e];if(/\s/.test(n)){e++;continue}if(n==="+"||n==="-"||n==="("||n===")"||n==="%"){t.push({type:"symbol",value:n}),e++;continue}if(Wh(n)||n==="."){let r=e,o=n===".";for(e++;e<i.length;){let a=i[e];if(Wh(a)){e++;continue}if(a==="."&&!o){o=!0,e++;continue}break}let s=i.slice(r,e);if(!Xx.test(s))throw new Error("Invalid number token");t.push({type:"number",value:parseFloat(s)});continue}if(Yh(n)){let r=e;for(;e<i.length&&Yh(i[e]);)e++;let o=i.slice(r,e).toLowerCase();t.push({type:"word",value:o});continue}throw new Error("Invalid token in position string")}return t}var $a=class{constructor(t){this.index=0,this.tokens=t}parseExpression(){let t=this.parseBinaryExpression();if(this.index<this.tokens.length)throw new Error("Unexpected token at end of expression");return t}parseBinaryExpression(){let t=this.parseFactor(),e=this.peek();for(;Jx(e);){this.index++;let n=this.parseFactor();t={type:"binary",operator:e.value,left:t,right:n},e=this.peek()}return t}parseFactor(){let t=this.peek();if(!t)throw new Error("Unexpected end of expression");if(t.type==="symbol"&&t.value==="+")return this.index++,this.parseFactor();if(t.type==="symbol"&&t.value==="-"){this.index++;let e=this.parseFactor();return{type:"binary",operator:"-",left:{type:"literal",value:0},right:e}}if(t.type==="symbol"&&t.value==="("){this.index++;let e=this.parseBinaryExpression();if(!this.consumeSymbol(")"))throw new Error("Missing closing parenthesis");return e}if(t.type==="word"&&t.value==="calc"){if(this.index++,!this.consumeSymbol("("))throw new Error("Missing opening parenthesis after calc");let e=this.parseBinaryExpression();if(!this.consumeSymbol(")"))throw new Error("Missing closing parenthesis");return e}if(t.type==="number"){this.index++;let e=t.value,n=this.peek();return n&&n.type==="symbol"&&n.value==="%"?(this.index++,{type:"percentage",value:e/100}):n&&n.type==="word"&&n.value==="px"?(this.index++,{type:"literal",value:e}):{type:"literal",value:e}}throw new Error("Unexpected token in expression")}consumeSymbol(t){let e=this.peek();return e&&e.type==="symbol"&&e.value===t?(this.index++,!0):!1}peek(){return this.tokens[this.index]||null}};function Wh(i){return i>="0"&&i<="9"}function Yh(i){return i>="a"&&i<="z"||i>="A"&&i<="Z"}function Jx(i){return!!(i&&i.type==="symbol"&&(i.value==="+"||i.value==="-"))}function $h(i,t){let e={...i};for(let n in t)n!=="id"&&(Array.isArray(e[n])&&Array.isArray(t[n])?e[n]=Qx(e[n],t[n]):e[n]=t[n]);return e}function Qx(i,t){i=i.slice();for(let e=0;e<t.length;e++){let n=t[e];Number.isFinite(n)&&(i[e]=n)}return i}var Ne=class{constructor(t){let{id:e,x:n=0,y:r=0,width:o="100%",height:s="100%",padding:a=null}=t;this.id=e||this.constructor.displayName||"view",this.props={...t,id:this.id},this._x=at(n),this._y=at(r),this._width=at(o),this._height=at(s),this._padding=a&&{left:at(a.left||0),right:at(a.right||0),top:at(a.top||0),bottom:at(a.bottom||0)},this.equals=this.equals.bind(this),Object.seal(this)}equals(t){return this===t?!0:this.constructor===t.constructor&&W(this.props,t.props,2)}clone(t){let e=this.constructor;return new e({...this.props,...t})}makeViewport({width:t,height:e,viewState:n}){n=this.filterViewState(n);let r=this.getDimensions({width:t,height:e});if(!r.height||!r.width)return null;let o=this.getViewportType(n);return new o({...n,...this.props,...r})}getViewStateId(){let{viewState:t}=this.props;return typeof t=="string"?t:t?.id||this.id}filterViewState(t){return this.props.viewState&&typeof this.props.viewState=="object"?this.props.viewState.id?$h(t,this.props.viewState):this.props.viewState:t}getDimensions({width:t,height:e}){let n={x:ct(this._x,t),y:ct(this._y,e),width:ct(this._width,t),height:ct(this._height,e)};return this._padding&&(n.padding={left:ct(this._padding.left,t),top:ct(this._padding.top,e),right:ct(this._padding.right,t),bottom:ct(this._padding.bottom,e)}),n}get controller(){let t=this.props.controller;return t?t===!0?{type:this.ControllerType}:typeof t=="function"?{type:t}:{type:this.ControllerType,...t}:null}};var Tt=class{constructor(t){this._inProgress=!1,this._handle=null,this.time=0,this.settings={duration:0},this._timeline=t}get inProgress(){return this._inProgress}start(t){this.cancel(),this.settings=t,this._inProgress=!0,this.settings.onStart?.(this)}end(){this._inProgress&&(this._timeline.removeChannel(this._handle),this._handle=null,this._inProgress=!1,this.settings.onEnd?.(this))}cancel(){this._inProgress&&(this.settings.onInterrupt?.(this),this._timeline.removeChannel(this._handle),this._handle=null,this._inProgress=!1)}update(){if(!this._inProgress)return!1;if(this._handle===null){let{_timeline:t,settings:e}=this;this._handle=t.addChannel({delay:t.getTime(),duration:e.duration})}return this.time=this._timeline.getTime(this._handle),this._onUpdate(),this.settings.onUpdate?.(this),this._timeline.isFinished(this._handle)&&this.end(),!0}_onUpdate(){}};var Hh=()=>{},Zh={mode:"preserve"},tv={mode:"hard"},Ha={BREAK:1,SNAP_TO_END:2,IGNORE:3},ev=i=>i,iv=Ha.BREAK,gn=class{constructor(t){this._onTransitionUpdate=e=>{let{time:n,settings:{interpolator:r,startProps:o,endProps:s,duration:a,easing:c}}=e,l=c(n/a),f=r.interpolateProps(o,s,l);this.propsInTransition=this.getControllerState({...this.props,...f},Zh).getViewportProps(),this.onViewStateChange({viewState:this.propsInTransition,oldViewState:this.props})},this.getControllerState=t.getControllerState,this.propsInTransition=null,this.transition=new Tt(t.timeline),this.onViewStateChange=t.onViewStateChange||Hh,this.onStateChange=t.onStateChange||Hh}finalize(){this.transition.cancel()}getViewportInTransition(){return this.propsInTransition}processViewStateChange(t){let e=!1,n=this.props;if(this.props=t,!n||this._shouldIgnoreViewportChange(n,t))return!1;if(this._isTransitionEnabled(t)){let r=n;if(this.transition.inProgress){let{interruption:o,endProps:s}=this.transition.settings;r={...n,...o===Ha.SNAP_TO_END?s:this.propsInTransition||n}}this._triggerTransition(r,t),e=!0}else this.transition.cancel();return e}updateTransition(){this.transition.update()}_isTransitionEnabled(t){let{transitionDuration:e,transitionInterpolator:n}=t;return(e>0||e==="auto")&&!!n}_isUpdateDueToCurrentTransition(t){return this.transition.inProgress&&this.propsInTransition?this.transition.settings.interpolator.arePropsEqual(t,this.propsInTransition):!1}_shouldIgnoreViewportChange(t,e){return this.transition.inProgress?this.transition.settings.interruption===Ha.IGNORE||this._isUpdateDueToCurrentTransition(e):this._isTransitionEnabled(e)?e.transitionInterpolator.arePropsEqual(t,e):!0}_triggerTransition(t,e){let n=this.getControllerState(t,Zh),r=this.getControllerState(e,tv).shortestPathFrom(n),o=e.transitionInterpolator,s=o.getDuration?o.getDuration(t,e):e.transitionDuration;if(s===0)return;let a=o.initializeProps(t,r);this.propsInTransition={};let c={duration:s,easing:e.transitionEasing||ev,interpolator:o,interruption:e.transitionInterruption||iv,startProps:a.start,endProps:a.end,onStart:e.onTransitionStart,onUpdate:this._onTransitionUpdate,onInterrupt:this._onTransitionEnd(e.onTransitionInterrupt),onEnd:this._onTransitionEnd(e.onTransitionEnd)};this.transition.start(c),this.onStateChange({inTransition:!0}),this.updateTransition()}_onTransitionEnd(t){return e=>{this.propsInTransition=null,this.onStateChange({inTransition:!1,isZooming:!1,isPanning:!1,isRotating:!1}),t?.(e)}}};function D(i,t){if(!i)throw new Error(t||"deck.gl: assertion failed.")}var Be=class{constructor(t){let{compare:e,extract:n,required:r}=t;this._propsToCompare=e,this._propsToExtract=n||e,this._requiredProps=r}arePropsEqual(t,e){for(let n of this._propsToCompare)if(!(n in t)||!(n in e)||!zt(t[n],e[n]))return!1;return!0}initializeProps(t,e){let n={},r={};for(let o of this._propsToExtract)(o in t||o in e)&&(n[o]=t[o],r[o]=e[o]);return this._checkRequiredProps(n),this._checkRequiredProps(r),{start:n,end:r}}getDuration(t,e){return e.transitionDuration}_checkRequiredProps(t){this._requiredProps&&this._requiredProps.forEach(e=>{let n=t[e];D(Number.isFinite(n)||Array.isArray(n),`${e} is required for transition`)})}};var nv=["longitude","latitude","zoom","bearing","pitch"],rv=["longitude","latitude","zoom"],te=class extends Be{constructor(t={}){let e=Array.isArray(t)?t:t.transitionProps,n=Array.isArray(t)?{}:t;n.transitionProps=Array.isArray(e)?{compare:e,required:e}:e||{compare:nv,required:rv},super(n.transitionProps),this.opts=n}initializeProps(t,e){let n=super.initializeProps(t,e),{makeViewport:r,around:o}=this.opts;if(r&&o){let s=r(t),a=r(e),c=s.unproject(o);n.start.around=o,Object.assign(n.end,{around:a.project(c),aroundPosition:c,width:e.width,height:e.height})}return n}interpolateProps(t,e,n){let r={};for(let o of this._propsToExtract)r[o]=Se(t[o]||0,e[o]||0,n);if(e.aroundPosition&&this.opts.makeViewport){let o=this.opts.makeViewport({...e,...r});Object.assign(r,o.panByPosition(e.aroundPosition,Se(t.around,e.around,n)))}return r}};var Wt={transitionDuration:0},ov=300,sv=300,Za=i=>1-(1-i)*(1-i),av=i=>i===1?1:1-Math.pow(2,-10*i),je={WHEEL:["wheel"],PAN:["panstart","panmove","panend"],PINCH:["pinchstart","pinchmove","pinchend"],MULTI_PAN:["multipanstart","multipanmove","multipanend"],DOUBLE_CLICK:["dblclick"],DOUBLE_CLICK_DRAG:["dblclickdragstart","dblclickdragmove","dblclickdragend","dblclickdragcancel"],KEYBOARD:["keydown"]},Ve={},Ue=class{constructor(t){this.state={},this._events={},this._interactionState={isDragging:!1},this._customEvents=[],this._eventStartBlocked=null,this._panMove=!1,this._multiPanMode=null,this._multiPanStartCenter=null,this._doubleClickDragAnchor=null,this._suppressDoubleClickUntil=0,this.invertPan=!1,this.dragMode="rotate",this.inertia=0,this.scrollZoom=!0,this.dragPan=!0,this.dragRotate=!0,this.doubleClickZoom=!0,this.doubleClickDragZoom=!0,this.touchZoom=!0,this.touchRotate=!1,this.multiTouchDrag=null,this.trackpadGesture=!1,this.zoomAround="pointer",this.keyboard=!0,this.transitionManager=new gn({...t,getControllerState:(e,n)=>new this.ControllerState({...e,constraintContext:n,makeViewport:t.makeViewport}),onViewStateChange:this._onTransition.bind(this),onStateChange:this._setInteractionState.bind(this)}),this.handleEvent=this.handleEvent.bind(this),this.eventManager=t.eventManager,this.onViewStateChange=t.onViewStateChange||(()=>{}),this.onStateChange=t.onStateChange||(()=>{}),this.makeViewport=t.makeViewport,this.pickPosition=t.pickPosition}set events(t){this.toggleEvents(this._customEvents,!1),this.toggleEvents(t,!0),this._customEvents=t,this.props&&this.setProps(this.props)}finalize(){for(let t in this._events)this._events[t]&&this.eventManager?.off(t,this.handleEvent);this.transitionManager.finalize()}handleEvent(t){this._controllerState=void 0;let e=this._eventStartBlocked;switch(t.type){case"panstart":return e?!1:this._onPanStart(t);case"panmove":return this._onPan(t);case"panend":return this._onPanEnd(t);case"pinchstart":return e||!this._isTrackpadGestureAllowed(t)?!1:this._onPinchStart(t);case"pinchmove":return this._isTrackpadGestureAllowed(t)?this._onPinch(t):!1;case"pinchend":return this._isTrackpadGestureAllowed(t)?this._onPinchEnd(t):!1;case"multipanstart":return e?!1:this._onMultiPanStart(t);case"multipanmove":return this._onMultiPan(t);case"multipanend":return this._onMultiPanEnd(t);case"dblclick":return this._onDoubleClick(t);case"dblclickdragstart":return e?!1:this._onDoubleClickDragStart(t);case"dblclickdragmove":return this._onDoubleClickDrag(t);case"dblclickdragend":case"dblclickdragcancel":return this._onDoubleClickDragEnd(t);case"wheel":return this._onWheel(t);case"keydown":return this._onKeyDown(t);default:return!1}}get controllerState(){return this._controllerState=this._controllerState||new this.ControllerState({makeViewport:this.makeViewport,...this.props,...this.state}),this._controllerState}getCenter(t){let{x:e,y:n}=this.props,{offsetCenter:r}=t;return[r.x-e,r.y-n]}getZoomPosition(t){if(this.zoomAround==="pointer")return t;let e=this.makeViewport(this.controllerState.getViewportProps()),[n,r]=pe(e.center,e.pixelProjectionMatrix);return[n,r]}isPointInBounds(t,e){let{width:n,height:r}=this.props;if(e&&e.handled)return!1;let o=t[0]>=0&&t[0]<=n&&t[1]>=0&&t[1]<=r;return o&&e&&e.stopPropagation(),o}isFunctionKeyPressed(t){let{srcEvent:e}=t;return!!(e.metaKey||e.altKey||e.ctrlKey||e.shiftKey)}isDragging(){return this._interactionState.isDragging||!1}blockEvents(t){let e=setTimeout(()=>{this._eventStartBlocked===e&&(this._eventStartBlocked=null)},t);this._eventStartBlocked=e}setProps(t){t.maxBoundsPadding===void 0&&(t.maxBoundsPadding=null),t.dragMode&&(this.dragMode=t.dragMode);let e=this.props;this.props=t,"transitionInterpolator"in t||(t.transitionInterpolator=this._getTransitionProps().transitionInterpolator),this.transitionManager.processViewStateChange(t);let{inertia:n}=t;this.inertia=Number.isFinite(n)?n:n===!0?ov:0;let{scrollZoom:r=!0,dragPan:o=!0,dragRotate:s=!0,doubleClickZoom:a=!0,doubleClickDragZoom:c=!1,touchZoom:l=!0,touchRotate:f=!1,multiTouchDrag:h=f?"rotate":null,trackpadGesture:u=!1,zoomAround:d="pointer",keyboard:p=!0}=t,g=!!this.onViewStateChange;if(this.toggleEvents(je.WHEEL,g&&r),this.toggleEvents(je.PAN,g),this.toggleEvents(je.PINCH,g&&(l||h==="rotate")),this.toggleEvents(je.MULTI_PAN,g&&!!h),this.toggleEvents(je.DOUBLE_CLICK,g&&a),this.toggleEvents(je.DOUBLE_CLICK_DRAG,g&&c),this.toggleEvents(je.KEYBOARD,g&&p),this.scrollZoom=r,this.dragPan=o,this.dragRotate=s,this.doubleClickZoom=a,this.doubleClickDragZoom=c,this.touchZoom=l,this.touchRotate=h==="rotate",this.multiTouchDrag=h,this.trackpadGesture=u,this.zoomAround=d,this.keyboard=p,(!e||e.height!==t.height||e.width!==t.width||e.maxBounds!==t.maxBounds||e.maxBoundsPadding!==t.maxBoundsPadding)&&t.maxBounds){let v=new this.ControllerState({...t,makeViewport:this.makeViewport}),_=v.getViewportProps();Object.keys(_).some(x=>!W(_[x],t[x],1))&&this.updateViewport(v)}}updateTransition(){this.transitionManager.updateTransition()}toggleEvents(t,e){this.eventManager&&t.forEach(n=>{this._events[n]!==e&&(this._events[n]=e,e?this.eventManager.on(n,this.handleEvent):this.eventManager.off(n,this.handleEvent))})}updateViewport(t,e=null,n={}){let r={...t.getViewportProps(),...e},o=this.controllerState!==t;if(this.state=t.getState(),this._setInteractionState(n),o){let s=this.controllerState&&this.controllerState.getViewportProps();this.onViewStateChange&&this.onViewStateChange({viewState:r,interactionState:this._interactionState,oldViewState:s,viewId:this.props.id})}}_onTransition(t){this.onViewStateChange({...t,interactionState:this._interactionState,viewId:this.props.id})}_setInteractionState(t){Object.assign(this._interactionState,t),this.onStateChange(this._interactionState)}_getConstraintContext(t,e){return this.props.rubberBand?{mode:e==="update"?"elastic":e==="end"?"rebound":"hard"}:{mode:"hard"}}_getReboundTransition(t,e){if(t.mode!=="rebound")return null;let n=e.getViewportProps();return Object.keys(n).some(o=>!W(this.props[o],n[o],1))?{...this._getTransitionProps(),transitionDuration:sv,transitionEasing:av}:null}_onPanStart(t){let e=this.getCenter(t);if(!this.isPointInBounds(e,t))return!1;let n=this.isFunctionKeyPressed(t)||t.rightButton||!1;(this.invertPan||this.dragMode==="pan")&&(n=!n);let r=n?"pan":"rotate",o=this._getConstraintContext(r,"start"),s=n?this.controllerState.panStart({pos:e},o):this.controllerState.rotateStart({pos:e},o);return this._panMove=n,this.updateViewport(s,Wt,{isDragging:!0}),!0}_onPan(t){return this.isDragging()?this._panMove?this._onPanMove(t):this._onPanRotate(t):!1}_onPanEnd(t){return this.isDragging()?this._panMove?this._onPanMoveEnd(t):this._onPanRotateEnd(t):!1}_onPanMove(t){if(!this.dragPan)return!1;let e=this.getCenter(t),n=this.controllerState.pan({pos:e},this._getConstraintContext("pan","update"));return this.updateViewport(n,Wt,{isDragging:!0,isPanning:!0}),!0}_onPanMoveEnd(t){let{inertia:e}=this;if(this.dragPan&&e&&t.velocity){let n=this.getCenter(t),r=[n[0]+t.velocityX*e/2,n[1]+t.velocityY*e/2],o=this.controllerState.pan({pos:r}).panEnd();this.updateViewport(o,{...this._getTransitionProps(),transitionDuration:e,transitionEasing:Za},{isDragging:!1,isPanning:!0})}else{let n=this.controllerState,r=this._getConstraintContext("pan","end"),o=n.panEnd(r),s=this._getReboundTransition(r,o);this.updateViewport(o,s,{isDragging:!1,isPanning:!!s})}return!0}_onPanRotate(t){if(!this.dragRotate)return!1;let e=this.getCenter(t),n=this.controllerState.rotate({pos:e},this._getConstraintContext("rotate","update"));return this.updateViewport(n,Wt,{isDragging:!0,isRotating:!0}),!0}_onPanRotateEnd(t){let{inertia:e}=this;if(this.dragRotate&&e&&t.velocity){let n=this.getCenter(t),r=[n[0]+t.velocityX*e/2,n[1]+t.velocityY*e/2],o=this.controllerState.rotate({pos:r}).rotateEnd();this.updateViewport(o,{...this._getTransitionProps(),transitionDuration:e,transitionEasing:Za},{isDragging:!1,isRotating:!0})}else{let n=this.controllerState,r=this._getConstraintContext("rotate","end"),o=n.rotateEnd(r),s=this._getReboundTransition(r,o);this.updateViewport(o,s,{isDragging:!1,isRotating:!!s})}return!0}_onWheel(t){if(!this.scrollZoom||this.trackpadGesture&&t.device!=="mouse")return!1;let e=this.getCenter(t);if(!this.isPointInBounds(e,t))return!1;t.srcEvent.preventDefault();let{speed:n=.01,smooth:r=!1}=this.scrollZoom===!0?{}:this.scrollZoom,{delta:o}=t,s=2/(1+Math.exp(-Math.abs(o*n)));o<0&&s!==0&&(s=1/s);let a=this.getZoomPosition(e),c=r?{...this._getTransitionProps({around:a}),transitionDuration:250}:Wt,l=this.controllerState.zoom({pos:a,scale:s});return this.updateViewport(l,c,{isZooming:!0,isPanning:!0}),r||this._setInteractionState({isZooming:!1,isPanning:!1}),!0}_onMultiPanStart(t){let{multiTouchDrag:e}=this;if(!e||!this._isMultiPanEventAllowed(t,e))return!1;let n=t.offsetCenter;if(!this.isPointInBounds(this.getCenter(t),t))return!1;let r=t.pointerType==="trackpad",o={x:n.x-(r?0:t.deltaX),y:n.y-(r?0:t.deltaY)},s={...t,offsetCenter:o},a=this.getCenter(s),c=e==="pan"?this.controllerState.panStart({pos:a},this._getConstraintContext("pan","start")):this.controllerState.rotateStart({pos:a},this._getConstraintContext("rotate","start"));return this._multiPanMode=e,this._multiPanStartCenter=o,this.updateViewport(c,Wt,{isDragging:!0}),!0}_onMultiPan(t){let{mode:e,event:n}=this._getMultiPanEvent(t);return!e||!n||!this.isDragging()?!1:e==="pan"?this._onPanMove(n):this._onPanRotate(n)}_onMultiPanEnd(t){let{mode:e,event:n}=this._getMultiPanEvent(t);if(!e||!n||!this.isDragging())return this._resetMultiPan(),!1;let r=e==="pan"?this._onPanMoveEnd(n):this._onPanRotateEnd(n);return this._resetMultiPan(),r}_isTrackpadGestureAllowed(t){return t.pointerType!=="trackpad"||this.trackpadGesture}_isMultiPanEventAllowed(t,e){return t.pointerType==="trackpad"?this.trackpadGesture&&(e==="pan"?this.dragPan:this.dragRotate):t.pointerType==="touch"&&(e==="pan"?this.dragPan:this.dragRotate)}_getMultiPanEvent(t){let e=this._multiPanMode,n=this._multiPanStartCenter;return!e||!n?{mode:null,event:null}:{mode:e,event:{...t,offsetCenter:{x:n.x+t.deltaX,y:n.y+t.deltaY}}}}_resetMultiPan(){this._multiPanMode=null,this._multiPanStartCenter=null}_onPinchStart(t){this._doubleClickDragAnchor=null;let e=this.getCenter(t);if(!this.isPointInBounds(e,t))return!1;let n=this.controllerState.zoomStart({pos:this.getZoomPosition(e)},this._getConstraintContext("zoom","start")).rotateStart({pos:e},this._getConstraintContext("rotate","start"));return Ve._startPinchRotation=t.rotation,Ve._lastPinchEvent=t,this.updateViewport(n,Wt,{isDragging:!0}),!0}_onPinch(t){if(!this.touchZoom&&!this.touchRotate||!this.isDragging())return!1;let e=this.controllerState;if(this.touchZoom){let{scale:n}=t,r=this.getCenter(t);e=e.zoom({pos:this.getZoomPosition(r),scale:n},this._getConstraintContext("zoom","update"))}if(this.touchRotate){let{rotation:n}=t;e=e.rotate({deltaAngleX:Ve._startPinchRotation-n},this._getConstraintContext("rotate","update"))}return this.updateViewport(e,Wt,{isDragging:!0,isPanning:this.touchZoom,isZooming:this.touchZoom,isRotating:this.touchRotate}),Ve._lastPinchEvent=t,!0}_onPinchEnd(t){if(!this.isDragging())return!1;let{inertia:e}=this,{_lastPinchEvent:n}=Ve;if(this.touchZoom&&e&&n&&t.scale!==n.scale){let r=this.getCenter(t),o=this.getZoomPosition(r),s=this.controllerState.rotateEnd(),a=Math.log2(t.scale),c=(a-Math.log2(n.scale))/(t.deltaTime-n.deltaTime),l=Math.pow(2,a+c*e/2);s=s.zoom({pos:o,scale:l}).zoomEnd(),this.updateViewport(s,{...this._getTransitionProps({around:o}),transitionDuration:e,transitionEasing:Za},{isDragging:!1,isPanning:this.touchZoom,isZooming:this.touchZoom,isRotating:!1}),this.blockEvents(e)}else{let r=this.controllerState,o=this._getConstraintContext("zoom","end"),s=this._getConstraintContext("rotate","end"),a=r.zoomEnd(o).rotateEnd(s),c=this._getReboundTransition(this.touchZoom?o:s,a);this.updateViewport(a,c,{isDragging:!1,isPanning:!!c&&this.touchZoom,isZooming:!!c&&this.touchZoom,isRotating:!!c&&this.touchRotate})}return Ve._startPinchRotation=null,Ve._lastPinchEvent=null,!0}_onDoubleClick(t){if(!this.doubleClickZoom||Date.now()<this._suppressDoubleClickUntil)return!1;let e=this.getCenter(t);if(!this.isPointInBounds(e,t))return!1;let n=this.isFunctionKeyPressed(t),r=this.getZoomPosition(e),o=this.controllerState.zoom({pos:r,scale:n?.5:2});return this.updateViewport(o,this._getTransitionProps({around:r}),{isZooming:!0,isPanning:!0}),this.blockEvents(100),!0}_onDoubleClickDragStart(t){if(!this.doubleClickDragZoom)return this._doubleClickDragAnchor=null,!1;let e=this.getCenter(t);if(!this.isPointInBounds(e,t))return this._doubleClickDragAnchor=null,!1;this._doubleClickDragAnchor=this.getZoomPosition(e);let n=this.controllerState.zoomStart({pos:this._doubleClickDragAnchor},this._getConstraintContext("zoom","start"));return t.scale!==1&&(n=n.zoom({pos:this._doubleClickDragAnchor,scale:t.scale},this._getConstraintContext("zoom","update"))),this.updateViewport(n,Wt,{isDragging:!0,isPanning:!0,isZooming:!0}),!0}_onDoubleClickDrag(t){let e=this._doubleClickDragAnchor;if(!e)return!1;let n=this.controllerState.zoom({pos:e,scale:t.scale},this._getConstraintContext("zoom","update"));return this.updateViewport(n,Wt,{isDragging:!0,isPanning:!0,isZooming:!0}),!0}_onDoubleClickDragEnd(t){if(!this._doubleClickDragAnchor)return!1;this._doubleClickDragAnchor=null;let n=this.controllerState,r=this._getConstraintContext("zoom","end"),o=n.zoomEnd(r),s=this._getReboundTransition(r,o);return this.updateViewport(o,s,{isDragging:!1,isPanning:!!s,isZooming:!!s}),this._suppressDoubleClickUntil=Date.now()+100,this.blockEvents(100),!0}_onKeyDown(t){if(!this.keyboard)return!1;let e=this.isFunctionKeyPressed(t),{zoomSpeed:n,moveSpeed:r,rotateSpeedX:o,rotateSpeedY:s}=this.keyboard===!0?{}:this.keyboard,{controllerState:a}=this,c,l={};switch(t.srcEvent.code){case"Minus":c=e?a.zoomOut(n).zoomOut(n):a.zoomOut(n),l.isZooming=!0;break;case"Equal":c=e?a.zoomIn(n).zoomIn(n):a.zoomIn(n),l.isZooming=!0;break;case"ArrowLeft":e?(c=a.rotateLeft(o),l.isRotating=!0):(c=a.moveLeft(r),l.isPanning=!0);break;case"ArrowRight":e?(c=a.rotateRight(o),l.isRotating=!0):(c=a.moveRight(r),l.isPanning=!0);break;case"ArrowUp":e?(c=a.rotateUp(s),l.isRotating=!0):(c=a.moveUp(r),l.isPanning=!0);break;case"ArrowDown":e?(c=a.rotateDown(s),l.isRotating=!0):(c=a.moveDown(r),l.isPanning=!0);break;default:return!1}return this.updateViewport(c,this._getTransitionProps(),l),!0}_getTransitionProps(t){let{transition:e}=this;return!e||!e.transitionInterpolator?Wt:t?{...e,transitionInterpolator:new te({...t,...e.transitionInterpolator.opts,makeViewport:this.controllerState.makeViewport})}:e}};var ee=Symbol("constraintAround"),mn=class{constructor(t,e,n,r){this.makeViewport=n,this._viewportProps=this.applyConstraints(t,r),this._state=e}getViewportProps(){return this._viewportProps}getState(){return this._state}};function po(i,t,e){let n=i-t;return n&&Number.isFinite(n)?t+n*e/(e+Math.abs(n)):t}function mi(i,t,e){let n=ct(at(e?.left??0),i),r=ct(at(e?.right??0),i),o=ct(at(e?.top??0),t),s=ct(at(e?.bottom??0),t);return{x:n,y:o,width:i-n-r,height:t-o-s}}function go(i,t,e){let[n,r]=i.project(t);return n=Number.isFinite(n)?n:i.width/2,r=Number.isFinite(r)?r:i.height/2,{left:n-e.x,right:e.x+e.width-n,top:r-e.y,bottom:e.y+e.height-r}}var qh=5,cv=1.2,Xh=512,Kh=[[-1/0,-90],[1/0,90]],lv=1;function yn([i,t]){if(Math.abs(t)>90&&(t=Math.sign(t)*90),Number.isFinite(i)){let[n,r]=st([i,t]);return[n,B(r,0,Xh)]}let[,e]=st([0,t]);return[i,B(e,0,Xh)]}var xn=class extends mn{constructor(t){let{width:e,height:n,latitude:r,longitude:o,zoom:s,bearing:a=0,pitch:c=0,altitude:l=1.5,position:f=[0,0,0],maxZoom:h=20,minZoom:u=0,maxPitch:d=60,minPitch:p=0,startPanLngLat:g,startZoomLngLat:m,startRotatePos:v,startRotateLngLat:_,startBearing:y,startPitch:x,startZoom:w,normalize:P=!0,rubberBand:C=!1}=t,{[ee]:M}=t;D(Number.isFinite(o)),D(Number.isFinite(r)),D(Number.isFinite(s));let S=t.maxBounds||(P?Kh:null),b=t.maxBoundsPadding||null;super({width:e,height:n,latitude:r,longitude:o,zoom:s,bearing:a,pitch:c,altitude:l,maxZoom:h,minZoom:u,maxPitch:d,minPitch:p,normalize:P,position:f,maxBounds:S,maxBoundsPadding:b,rubberBand:C,[ee]:M},{startPanLngLat:g,startZoomLngLat:m,startRotatePos:v,startRotateLngLat:_,startBearing:y,startPitch:x,startZoom:w},t.makeViewport,t.constraintContext),this.getAltitude=t.getAltitude}panStart({pos:t},e){return this._getUpdatedState({startPanLngLat:this._unproject(t)},e)}pan({pos:t,startPos:e},n){let r=this.getState().startPanLngLat||this._unproject(e);if(!r)return this;let s=this.makeViewport(this.getViewportProps()).panByPosition(r,t);return this._getUpdatedState(s,n)}panEnd(t){return this._getUpdatedState({startPanLngLat:null},t)}rotateStart({pos:t}){let e=this.getAltitude?.(t);return this._getUpdatedState({startRotatePos:t,startRotateLngLat:e!==void 0?this._unproject3D(t,e):void 0,startBearing:this.getViewportProps().bearing,startPitch:this.getViewportProps().pitch})}rotate({pos:t,deltaAngleX:e=0,deltaAngleY:n=0}){let{startRotatePos:r,startRotateLngLat:o,startBearing:s,startPitch:a}=this.getState();if(!r||s===void 0||a===void 0)return this;let c;if(t?c=this._getNewRotation(t,r,a,s):c={bearing:s+e,pitch:a+n},o){let l=this.makeViewport({...this.getViewportProps(),...c}),f="panByPosition3D"in l?"panByPosition3D":"panByPosition";return this._getUpdatedState({...c,...l[f](o,r)})}return this._getUpdatedState(c)}rotateEnd(){return this._getUpdatedState({startRotatePos:null,startRotateLngLat:null,startBearing:null,startPitch:null})}zoomStart({pos:t},e){return this._getUpdatedState({startZoomLngLat:this._unproject(t),startZoom:this.getViewportProps().zoom},e)}zoom({pos:t,startPos:e,scale:n},r){let{startZoom:o,startZoomLngLat:s}=this.getState();return s||(o=this.getViewportProps().zoom,s=this._unproject(e)||this._unproject(t)),s?this._getUpdatedState({zoom:o+Math.log2(n),[ee]:{position:s,screenPosition:t}},r):this}zoomEnd(t){return this._getUpdatedState({startZoomLngLat:null,startZoom:null},t)}zoomIn(t=2,e){return this._zoomFromCenter(t,e)}zoomOut(t=2,e){return this._zoomFromCenter(1/t,e)}moveLeft(t=100,e){return this._panFromCenter([t,0],e)}moveRight(t=100,e){return this._panFromCenter([-t,0],e)}moveUp(t=100,e){return this._panFromCenter([0,t],e)}moveDown(t=100,e){return this._panFromCenter([0,-t],e)}rotateLeft(t=15){return this._getUpdatedState({bearing:this.getViewportProps().bearing-t})}rotateRight(t=15){return this._getUpdatedState({bearing:this.getViewportProps().bearing+t})}rotateUp(t=10){return this._getUpdatedState({pitch:this.getViewportProps().pitch+t})}rotateDown(t=10){return this._getUpdatedState({pitch:this.getViewportProps().pitch-t})}shortestPathFrom(t){let e=t.getViewportProps(),n={...this.getViewportProps()},{bearing:r,longitude:o}=n;return Math.abs(r-e.bearing)>180&&(n.bearing=r<0?r+360:r-360),Math.abs(o-e.longitude)>180&&(n.longitude=o<0?o+360:o-360),n}applyConstraints(t,e){let n=t,r=n[ee];delete n[ee];let{maxPitch:o,minPitch:s,pitch:a,bearing:c,normalize:l,maxBounds:f,rubberBand:h}=t;l&&(c<-180||c>180)&&(t.bearing=Kt(c+180,360)-180),t.pitch=B(a,s,o);let u=this._constrainZoom(t.zoom,t),d=h&&e?.mode==="elastic";if(t.zoom=e?.mode==="preserve"?t.zoom:d?po(t.zoom,u,lv):u,r){let p=this.makeViewport(t);Object.assign(t,p.panByPosition(r.position,r.screenPosition))}if(l&&(t.longitude<-180||t.longitude>180)&&(t.longitude=Kt(t.longitude+180,360)-180),f){let p=mi(t.width,t.height,t.maxBoundsPadding),g=this.makeViewport({...t,bearing:0,pitch:0}),m=go(g,[t.longitude,t.latitude],p),v=yn(f[0]),_=yn(f[1]),y=2**t.zoom,x=[v[0]+m.left/y,v[1]+m.bottom/y],w=[_[0]-m.right/y,_[1]-m.top/y],P=yn([t.longitude,t.latitude]),C=[B(P[0],x[0],w[0]),B(P[1],x[1],w[1])],M=P.slice();if(p.width>=0&&(M[0]=e?.mode==="preserve"?P[0]:d?po(P[0],C[0],p.width/2/y):C[0]),p.height>=0&&(M[1]=e?.mode==="preserve"?P[1]:d?po(P[1],C[1],p.height/2/y):C[1]),M[0]!==P[0]||M[1]!==P[1]){let[S,b]=ut(M);M[0]!==P[0]&&(t.longitude=S),M[1]!==P[1]&&(t.latitude=b)}}return t}_constrainZoom(t,e){e||(e=this.getViewportProps());let{maxZoom:n,maxBounds:r}=e,o=r!==null&&e.width>0&&e.height>0,{minZoom:s}=e;if(o){let a=mi(e.width,e.height,e.maxBoundsPadding),c=yn(r[0]),l=yn(r[1]),f=l[0]-c[0],h=l[1]-c[1];a.width>0&&Number.isFinite(f)&&f>0&&(s=Math.max(s,Math.log2(a.width/f))),a.height>0&&Number.isFinite(h)&&h>0&&(s=Math.max(s,Math.log2(a.height/h))),s>n&&(s=n)}return B(t,s,n)}_zoomFromCenter(t,e){let{width:n,height:r}=this.getViewportProps();return this.zoom({pos:[n/2,r/2],scale:t},e)}_panFromCenter(t,e){let{width:n,height:r}=this.getViewportProps();return this.pan({startPos:[n/2,r/2],pos:[n/2+t[0],r/2+t[1]]},e)}_getUpdatedState(t,e){return new this.constructor({makeViewport:this.makeViewport,...this.getViewportProps(),...this.getState(),...t,constraintContext:e})}_unproject(t){let e=this.makeViewport(this.getViewportProps());return t&&e.unproject(t)}_unproject3D(t,e){return this.makeViewport(this.getViewportProps()).unproject(t,{targetZ:e})}_getNewRotation(t,e,n,r){let o=t[0]-e[0],s=t[1]-e[1],a=t[1],c=e[1],{width:l,height:f}=this.getViewportProps(),h=o/l,u=0;s>0?Math.abs(f-c)>qh&&(u=s/(c-f)*cv):s<0&&c>qh&&(u=1-a/c),u=B(u,-1,1);let{minPitch:d,maxPitch:p}=this.getViewportProps(),g=r+180*h,m=n;return u>0?m=n+u*(p-n):u<0&&(m=n-u*(d-n)),{pitch:m,bearing:g}}},vn=class extends Ue{constructor(){super(...arguments),this.ControllerState=xn,this.transition={transitionDuration:300,transitionInterpolator:new te({transitionProps:{compare:["longitude","latitude","zoom","bearing","pitch","position"],required:["longitude","latitude","zoom"]}})},this.dragMode="pan",this.rotationPivot="center",this._getAltitude=t=>{if(this.rotationPivot==="2d")return 0;if(this.rotationPivot==="3d"&&this.pickPosition){let{x:e,y:n}=this.props,r=this.pickPosition(e+t[0],n+t[1]);if(r&&r.coordinate&&r.coordinate.length>=3)return r.coordinate[2]}}}setProps(t){"rotationPivot"in t&&(this.rotationPivot=t.rotationPivot||"center"),t.getAltitude=this._getAltitude,t.position=t.position||[0,0,0],t.maxBounds=t.maxBounds||(t.normalize===!1?null:Kh),super.setProps(t)}updateViewport(t,e=null,n={}){let r=t.getState();n.isDragging&&r.startRotateLngLat?n={...n,rotationPivotPosition:r.startRotateLngLat}:n.isDragging===!1&&(n={...n,rotationPivotPosition:void 0}),super.updateViewport(t,e,n)}};var mo=class extends Ne{constructor(t={}){super(t)}getViewportType(){return Jt}get ControllerType(){return vn}};mo.displayName="MapView";var _n=mo;var fv=new fi;function hv(i,t){let e=i.order??1/0,n=t.order??1/0;return e-n}var Pn=class{constructor(t){this._resolvedEffects=[],this._defaultEffects=[],this.effects=[],this._context=t,this._needsRedraw="Initial render",this._setEffects([])}addDefaultEffect(t){let e=this._defaultEffects;if(!e.find(n=>n.id===t.id)){let n=e.findIndex(r=>hv(r,t)>0);n<0?e.push(t):e.splice(n,0,t),t.setup(this._context),this._setEffects(this.effects)}}setProps(t){"effects"in t&&(W(t.effects,this.effects,1)||this._setEffects(t.effects))}needsRedraw(t={clearRedrawFlags:!1}){let e=this._needsRedraw;return t.clearRedrawFlags&&(this._needsRedraw=!1),e}getEffects(){return this._resolvedEffects}_setEffects(t){let e={};for(let r of this.effects)e[r.id]=r;let n=[];for(let r of t){let o=e[r.id],s=r;o&&o!==r?o.setProps?(o.setProps(r.props),s=o):o.cleanup(this._context):o||r.setup(this._context),n.push(s),delete e[r.id]}for(let r in e)e[r].cleanup(this._context);this.effects=n,this._resolvedEffects=n.concat(this._defaultEffects),t.some(r=>r instanceof fi)||this._resolvedEffects.push(fv),this._needsRedraw="effects changed"}finalize(){for(let t of this._resolvedEffects)t.cleanup(this._context);this.effects.length=0,this._resolvedEffects.length=0,this._defaultEffects.length=0}};var wn=class extends Xt{shouldDrawLayer(t){let{operation:e}=t.props;return e.includes("draw")||e.includes("terrain")}render(t){return this._render(t)}};var uv="deckRenderer.renderLayers",bn=class{constructor(t,e={}){this.device=t,this.stats=e.stats,this.layerFilter=null,this.drawPickingColors=!1,this.drawLayersPass=new wn(t),this.pickLayersPass=new ze(t),this.renderCount=0,this._needsRedraw="Initial render",this.renderBuffers=[],this.lastPostProcessEffect=null}setProps(t){this.layerFilter!==t.layerFilter&&(this.layerFilter=t.layerFilter,this._needsRedraw="layerFilter changed"),this.drawPickingColors!==t.drawPickingColors&&(this.drawPickingColors=t.drawPickingColors,this._needsRedraw="drawPickingColors changed")}renderLayers(t){let e=this.drawPickingColors?this.pickLayersPass:this.drawLayersPass,n={layerFilter:this.layerFilter,isPicking:this.drawPickingColors,...t};if(!t.viewports.length){let a=e.render(n),c="stats"in a?a.stats:a;this._updateStats(c);return}n.effects&&this._preRender(n.effects,n);let r=this.lastPostProcessEffect?this.renderBuffers[0]:n.target;this.lastPostProcessEffect&&(n.clearColor=[0,0,0,0],n.clearCanvas=!0);let o=e.render({...n,target:r}),s="stats"in o?o.stats:o;n.effects&&(this.lastPostProcessEffect&&(n.clearCanvas=t.clearCanvas===void 0?!0:t.clearCanvas),this._postRender(n.effects,n)),this.renderCount++,G(uv,this,s,t),this._updateStats(s)}needsRedraw(t={clearRedrawFlags:!1}){let e=this._needsRedraw;return t.clearRedrawFlags&&(this._needsRedraw=!1),e}finalize(){let{renderBuffers:t}=this;for(let e of t)e.delete();t.length=0}_updateStats(t){if(!this.stats)return;let e=0;for(let{visibleCount:n}of t)e+=n;this.stats.get("Layers rendered").addCount(e)}_preRender(t,e){this.lastPostProcessEffect=null,e.preRenderStats=e.preRenderStats||{};for(let n of t)e.preRenderStats[n.id]=n.preRender(e),n.postRender&&(this.lastPostProcessEffect=n.id);this.lastPostProcessEffect&&this._resizeRenderBuffers(e.canvasContext)}_resizeRenderBuffers(t=this.device.canvasContext){let{renderBuffers:e}=this,n=t.getDrawingBufferSize(),[r,o]=n;e.length===0&&[0,1].map(s=>{let a=this.device.createTexture({sampler:{minFilter:"linear",magFilter:"linear"},width:r,height:o});e.push(this.device.createFramebuffer({id:`deck-renderbuffer-${s}`,colorAttachments:[a]}))});for(let s of e)s.resize(n)}_postRender(t,e){let{renderBuffers:n}=this,r=e.target??e.canvasContext?.getCurrentFramebuffer()??e.target,o={...e,inputBuffer:n[0],swapBuffer:n[1]};for(let s of t)if(s.postRender){o.target=s.id===this.lastPostProcessEffect?r:void 0;let a=s.postRender(o);o.inputBuffer=a,o.swapBuffer=a===n[0]?n[1]:n[0]}}};var dv={pickedColor:null,pickedObjectIndex:-1};function qa({pickedColors:i,decodePickingColor:t,deviceX:e,deviceY:n,deviceRadius:r,deviceRect:o}){let{x:s,y:a,width:c,height:l}=o,f=r*r,h=-1,u=0;for(let d=0;d<l;d++){let p=d+a-n,g=p*p;if(g>f)u+=4*c;else for(let m=0;m<c;m++){if(i[u+3]-1>=0){let _=m+s-e,y=_*_+g;y<=f&&(f=y,h=u)}u+=4}}if(h>=0){let d=i.slice(h,h+4),p=t(d);if(p){let g=Math.floor(h/4/c),m=h/4-g*c;return{...p,pickedColor:d,pickedX:s+m,pickedY:a+g}}I.error("Picked non-existent layer. Is picking buffer corrupt?")()}return dv}function Xa({pickedColors:i,decodePickingColor:t}){let e=new Map;if(i){for(let n=0;n<i.length;n+=4)if(i[n+3]-1>=0){let o=i.slice(n,n+4),s=o.join(",");if(!e.has(s)){let a=t(o);a?e.set(s,{...a,color:o}):I.error("Picked non-existent layer. Is picking buffer corrupt?")()}}}return Array.from(e.values())}function yo({pickInfo:i,viewports:t,pixelRatio:e,x:n,y:r,z:o}){let s=t[0];t.length>1&&(s=pv(i?.pickedViewports||t,{x:n,y:r}));let a;if(s){let c=[n-s.x,r-s.y];o!==void 0&&(c[2]=o),a=s.unproject(c)}return{color:null,layer:null,viewport:s,index:-1,picked:!1,x:n,y:r,pixel:[n,r],coordinate:a,devicePixel:i&&"pickedX"in i?[i.pickedX,i.pickedY]:void 0,pixelRatio:e}}function Ka(i){let{pickInfo:t,lastPickedInfo:e,mode:n,layers:r}=i,{pickedColor:o,pickedLayer:s,pickedObjectIndex:a}=t,c=s?[s]:[];if(n==="hover"){let h=e.index,u=e.layerId,d=s?s.props.id:null;if(d!==u||a!==h){if(d!==u){let p=r.find(g=>g.props.id===u);p&&c.unshift(p)}e.layerId=d,e.index=a,e.info=null}}let l=yo(i),f=new Map;return f.set(null,l),c.forEach(h=>{let u={...l};h===s&&(u.color=o,u.index=a,u.picked=!0),u=xo({layer:h,info:u,mode:n});let d=u.layer;h===s&&n==="hover"&&(e.info=u),f.set(d.id,u),n==="hover"&&d.updateAutoHighlight(u)}),f}function xo({layer:i,info:t,mode:e}){for(;i&&t;){let n=t.layer||null;t.sourceLayer=n,t.layer=i,t=i.getPickingInfo({info:t,mode:e,sourceLayer:n}),i=i.parent}return t}function pv(i,t){for(let e=i.length-1;e>=0;e--){let n=i[e];if(n.containsPixel(t))return n}return i[0]}var En=class{constructor(t,e={}){this._pickable=!0,this.device=t,this.stats=e.stats,this.pickLayersPass=new ze(t),this.lastPickedInfo={index:-1,layerId:null,info:null}}setProps(t){"layerFilter"in t&&(this.layerFilter=t.layerFilter),"_pickable"in t&&(this._pickable=t._pickable)}finalize(){this.pickingFBO&&this.pickingFBO.destroy(),this.depthFBO&&this.depthFBO.destroy()}pickObjectAsync(t){return this._pickClosestObjectAsync(t)}pickObjectsAsync(t){return this._pickVisibleObjectsAsync(t)}pickObject(t){return this._pickClosestObject(t)}pickObjects(t){return this._pickVisibleObjects(t)}getLastPickedObject({x:t,y:e,layers:n,viewports:r},o=this.lastPickedInfo.info){let s=o&&o.layer&&o.layer.id,a=o&&o.viewport&&o.viewport.id,c=s?n.find(u=>u.id===s):null,l=a&&r.find(u=>u.id===a)||r[0],f=l&&l.unproject([t-l.x,e-l.y]);return{...o,...{x:t,y:e,viewport:l,coordinate:f,layer:c}}}_resizeBuffer(t=this.device.getDefaultCanvasContext()){if(!this.pickingFBO){let r=this.device.createTexture({format:"rgba8unorm",width:1,height:1,usage:oe.RENDER_ATTACHMENT|oe.COPY_SRC});if(this.pickingFBO=this.device.createFramebuffer({colorAttachments:[r],depthStencilAttachment:"depth16unorm"}),this.device.isTextureFormatRenderable("rgba32float")){let o=this.device.createTexture({format:"rgba32float",width:1,height:1,usage:oe.RENDER_ATTACHMENT|oe.COPY_SRC}),s=this.device.createFramebuffer({colorAttachments:[o],depthStencilAttachment:"depth16unorm"});this.depthFBO=s}}let[e,n]=t.getDrawingBufferSize();this.pickingFBO?.resize({width:e,height:n}),this.depthFBO?.resize({width:e,height:n})}_getPickable(t){if(this._pickable===!1)return null;let e=t.filter(n=>this.pickLayersPass.shouldDrawLayer(n)&&!n.isComposite);return e.length?e:null}async _pickClosestObjectAsync({layers:t,views:e,viewports:n,x:r,y:o,radius:s=0,depth:a=1,mode:c="query",unproject3D:l,canvasContext:f=this.device.getDefaultCanvasContext(),onViewportActive:h,effects:u}){let d=f.cssToDeviceRatio(),p=this._getPickable(t);if(!p||n.length===0)return{result:[],emptyInfo:yo({viewports:n,x:r,y:o,pixelRatio:d})};this._resizeBuffer(f);let g=f.cssToDevicePixels([r,o],!0),m=[g.x+Math.floor(g.width/2),g.y+Math.floor(g.height/2)],v=Math.round(s*d),{width:_,height:y}=this.pickingFBO,x=this._getPickingRect({deviceX:m[0],deviceY:m[1],deviceRadius:v,deviceWidth:_,deviceHeight:y}),w={x:r-s,y:o-s,width:s*2+1,height:s*2+1},P,C=[],M=new Set;for(let S=0;S<a;S++){let b;if(x){let T=await this._drawAndSampleAsync({layers:p,views:e,viewports:n,onViewportActive:h,deviceRect:x,cullRect:w,effects:u,pass:`picking:${c}`,canvasContext:f});b=qa({...T,deviceX:m[0],deviceY:m[1],deviceRadius:v,deviceRect:x})}else b={pickedColor:null,pickedObjectIndex:-1};let R,O=this._getDepthLayers(b,p,l);if(O.length>0){let{pickedColors:T}=await this._drawAndSampleAsync({layers:O,views:e,viewports:n,onViewportActive:h,deviceRect:{x:b.pickedX??m[0],y:b.pickedY??m[1],width:1,height:1},cullRect:w,effects:u,pass:`picking:${c}:z`,canvasContext:f},!0);T[3]&&(R=T[0])}b.pickedLayer&&S+1<a&&(M.add(b.pickedLayer),b.pickedLayer.disablePickingIndex(b.pickedObjectIndex)),P=Ka({pickInfo:b,lastPickedInfo:this.lastPickedInfo,mode:c,layers:p,viewports:n,x:r,y:o,z:R,pixelRatio:d});for(let T of P.values())T.layer&&C.push(T);if(!b.pickedColor)break}for(let S of M)S.restorePickingColors();return{result:C,emptyInfo:P.get(null)}}_pickClosestObject({layers:t,views:e,viewports:n,x:r,y:o,radius:s=0,depth:a=1,mode:c="query",unproject3D:l,canvasContext:f=this.device.getDefaultCanvasContext(),onViewportActive:h,effects:u}){let d=f.cssToDeviceRatio(),p=this._getPickable(t);if(!p||n.length===0)return{result:[],emptyInfo:yo({viewports:n,x:r,y:o,pixelRatio:d})};this._resizeBuffer(f);let g=f.cssToDevicePixels([r,o],!0),m=[g.x+Math.floor(g.width/2),g.y+Math.floor(g.height/2)],v=Math.round(s*d),{width:_,height:y}=this.pickingFBO,x=this._getPickingRect({deviceX:m[0],deviceY:m[1],deviceRadius:v,deviceWidth:_,deviceHeight:y}),w={x:r-s,y:o-s,width:s*2+1,height:s*2+1},P,C=[],M=new Set;for(let S=0;S<a;S++){let b;if(x){let T=this._drawAndSample({layers:p,views:e,viewports:n,onViewportActive:h,deviceRect:x,cullRect:w,effects:u,pass:`picking:${c}`,canvasContext:f});b=qa({...T,deviceX:m[0],deviceY:m[1],deviceRadius:v,deviceRect:x})}else b={pickedColor:null,pickedObjectIndex:-1};let R,O=this._getDepthLayers(b,p,l);if(O.length>0){let{pickedColors:T}=this._drawAndSample({layers:O,views:e,viewports:n,onViewportActive:h,deviceRect:{x:b.pickedX??m[0],y:b.pickedY??m[1],width:1,height:1},cullRect:w,effects:u,pass:`picking:${c}:z`,canvasContext:f},!0);T[3]&&(R=T[0])}b.pickedLayer&&S+1<a&&(M.add(b.pickedLayer),b.pickedLayer.disablePickingIndex(b.pickedObjectIndex)),P=Ka({pickInfo:b,lastPickedInfo:this.lastPickedInfo,mode:c,layers:p,viewports:n,x:r,y:o,z:R,pixelRatio:d});for(let T of P.values())T.layer&&C.push(T);if(!b.pickedColor)break}for(let S of M)S.restorePickingColors();return{result:C,emptyInfo:P.get(null)}}async _pickVisibleObjectsAsync({layers:t,views:e,viewports:n,x:r,y:o,width:s=1,height:a=1,mode:c="query",maxObjects:l=null,canvasContext:f=this.device.getDefaultCanvasContext(),onViewportActive:h,effects:u}){let d=this._getPickable(t);if(!d||n.length===0)return[];this._resizeBuffer(f);let p=f.cssToDeviceRatio(),g=f.cssToDevicePixels([r,o],!0),m=g.x,v=g.y+g.height,_=f.cssToDevicePixels([r+s,o+a],!0),y=_.x+_.width,x=_.y,w={x:m,y:x,width:y-m,height:v-x},P=await this._drawAndSampleAsync({layers:d,views:e,viewports:n,onViewportActive:h,deviceRect:w,cullRect:{x:r,y:o,width:s,height:a},effects:u,pass:`picking:${c}`,canvasContext:f}),C=Xa(P),M=new Map,S=[],b=Number.isFinite(l);for(let R=0;R<C.length&&!(b&&S.length>=l);R++){let O=C[R],T={color:O.pickedColor,layer:null,index:O.pickedObjectIndex,picked:!0,x:r,y:o,pixelRatio:p};T=xo({layer:O.pickedLayer,info:T,mode:c});let k=T.layer.id;M.has(k)||M.set(k,new Set);let Z=M.get(k),et=T.object??T.index;Z.has(et)||(Z.add(et),S.push(T))}return S}_pickVisibleObjects({layers:t,views:e,viewports:n,x:r,y:o,width:s=1,height:a=1,mode:c="query",maxObjects:l=null,canvasContext:f=this.device.getDefaultCanvasContext(),onViewportActive:h,effects:u}){let d=this._getPickable(t);if(!d||n.length===0)return[];this._resizeBuffer(f);let p=f.cssToDeviceRatio(),g=f.cssToDevicePixels([r,o],!0),m=g.x,v=g.y+g.height,_=f.cssToDevicePixels([r+s,o+a],!0),y=_.x+_.width,x=_.y,w={x:m,y:x,width:y-m,height:v-x},P=this._drawAndSample({layers:d,views:e,viewports:n,onViewportActive:h,deviceRect:w,cullRect:{x:r,y:o,width:s,height:a},effects:u,pass:`picking:${c}`,canvasContext:f}),C=Xa(P),M=new Map,S=[],b=Number.isFinite(l);for(let R=0;R<C.length&&!(b&&S.length>=l);R++){let O=C[R],T={color:O.pickedColor,layer:null,index:O.pickedObjectIndex,picked:!0,x:r,y:o,pixelRatio:p};T=xo({layer:O.pickedLayer,info:T,mode:c});let k=T.layer.id;M.has(k)||M.set(k,new Set);let Z=M.get(k),et=T.object??T.index;Z.has(et)||(Z.add(et),S.push(T))}return S}async _drawAndSampleAsync({layers:t,views:e,viewports:n,onViewportActive:r,deviceRect:o,cullRect:s,effects:a,pass:c,canvasContext:l},f=!1){let h=f?this.depthFBO:this.pickingFBO,u={layers:t,layerFilter:this.layerFilter,views:e,viewports:n,onViewportActive:r,pickingFBO:h,deviceRect:o,cullRect:s,effects:a,pass:c,canvasContext:l,pickZ:f,preRenderStats:{},isPicking:!0};for(let w of a)w.useInPicking&&(u.preRenderStats[w.id]=w.preRender(u));let{decodePickingColor:d,stats:p}=this.pickLayersPass.render(u);this._updateStats(p);let{x:g,y:m,width:v,height:_}=o,y=h.colorAttachments[0]?.texture;if(!y)throw new Error("Picking framebuffer color attachment is missing");let x=await this._readTextureDataAsync(y,{x:g,y:m,width:v,height:_},f?Float32Array:Uint8Array);if(!f){let w=!1;for(let P=3;P<x.length;P+=4)if(x[P]!==0){w=!0;break}!w&&x.length>0&&I.warn("Async pick readback returned only zero alpha values",{deviceRect:o,bytes:Array.from(x.subarray(0,Math.min(x.length,16)))})()}return{pickedColors:x,decodePickingColor:d}}async _readTextureDataAsync(t,e,n){let{width:r,height:o}=e,s=t.computeMemoryLayout(e),a=this.device.createBuffer({byteLength:s.byteLength,usage:J.COPY_DST|J.MAP_READ});try{t.readBuffer(e,a);let c=await a.readAsync(0,s.byteLength),l=n.BYTES_PER_ELEMENT;if(s.bytesPerRow%l!==0)throw new Error(`Texture readback row stride ${s.bytesPerRow} is not aligned to ${l}-byte elements.`);let f=new n(c.buffer,c.byteOffset,s.byteLength/l),h=r*4,u=s.bytesPerRow/l;if(u<h)throw new Error(`Texture readback row stride ${u} is smaller than packed row length ${h}.`);let d=new n(r*o*4);for(let p=0;p<o;p++){let g=p*u;d.set(f.subarray(g,g+h),p*h)}return d}finally{a.destroy()}}_drawAndSample({layers:t,views:e,viewports:n,onViewportActive:r,deviceRect:o,cullRect:s,effects:a,pass:c,canvasContext:l},f=!1){let h=f?this.depthFBO:this.pickingFBO,u={layers:t,layerFilter:this.layerFilter,views:e,viewports:n,onViewportActive:r,pickingFBO:h,deviceRect:o,cullRect:s,effects:a,pass:c,canvasContext:l,pickZ:f,preRenderStats:{},isPicking:!0};for(let x of a)x.useInPicking&&(u.preRenderStats[x.id]=x.preRender(u));let{decodePickingColor:d,stats:p}=this.pickLayersPass.render(u);this._updateStats(p);let{x:g,y:m,width:v,height:_}=o,y=new(f?Float32Array:Uint8Array)(v*_*4);return this.device.readPixelsToArrayWebGL(h,{sourceX:g,sourceY:m,sourceWidth:v,sourceHeight:_,target:y}),{pickedColors:y,decodePickingColor:d}}_updateStats(t){if(!this.stats)return;let e=0;for(let{visibleCount:n}of t)e+=n;this.stats.get("Layers picked").addCount(e)}_getDepthLayers(t,e,n){if(!n||!this.depthFBO)return[];let{pickedLayer:r}=t,o=r?.state?.terrainDrawMode==="drape";return r&&!o?[r]:e.filter(s=>s.props.operation.includes("terrain"))}_getPickingRect({deviceX:t,deviceY:e,deviceRadius:n,deviceWidth:r,deviceHeight:o}){let s=Math.max(0,t-n),a=Math.max(0,e-n),c=Math.min(r,t+n+1)-s,l=Math.min(o,e+n+1)-a;return c<=0||l<=0?null:{x:s,y:a,width:c,height:l}}};var gv={"top-left":{top:0,left:0},"top-right":{top:0,right:0},"bottom-left":{bottom:0,left:0},"bottom-right":{bottom:0,right:0},fill:{top:0,left:0,bottom:0,right:0}},mv="top-left",Jh="root",vo=class{constructor({deck:t,parentElement:e}){this.defaultWidgets=[],this.widgets=[],this.resolvedWidgets=[],this.containers={},this.lastViewports={},this.deck=t,e?.classList.add("deck-widget-container"),this.parentElement=e}getWidgets(){return this.resolvedWidgets}setProps(t){if(t.widgets&&!W(t.widgets,this.widgets,1)){let e=t.widgets.filter(Boolean);this._setWidgets(e)}}finalize(){for(let t of this.getWidgets())this._removeWidget(t);this.defaultWidgets.length=0,this.resolvedWidgets.length=0;for(let t in this.containers)this.containers[t].remove()}addDefault(t){this.defaultWidgets.find(e=>e.id===t.id)||(this._addWidget(t),this.defaultWidgets.push(t),this._setWidgets(this.widgets))}onRedraw({viewports:t,layers:e}){let n=t.reduce((r,o)=>(r[o.id]=o,r),{});for(let r of this.getWidgets()){let{viewId:o}=r;if(o){let s=n[o];s&&(r.onViewportChange&&r.onViewportChange(s),r.onRedraw?.({viewports:[s],layers:e}))}else{if(r.onViewportChange)for(let s of t)r.onViewportChange(s);r.onRedraw?.({viewports:t,layers:e})}}this.lastViewports=n,this._updateContainers()}onHover(t,e){for(let n of this.getWidgets()){let{viewId:r}=n;(!r||r===t.viewport?.id)&&n.onHover?.(t,e)}}getCanvasBounds(t){let n=this.deck?.getCanvas?.()?.getBoundingClientRect(),r=this.parentElement?.getBoundingClientRect(),o=this.deck?.getCanvasContext?.(t?.id);if(o&&r){o.updatePosition();let[s,a]=o.getPosition(),[c,l]=o.getCSSSize();return{x:s-r.left,y:a-r.top,width:c,height:l}}return{x:n&&r?n.left-r.left:0,y:n&&r?n.top-r.top:0,width:n?.width||this.deck?.width||0,height:n?.height||this.deck?.height||0}}onEvent(t,e){let n=ai[e.type];if(n)for(let r of this.getWidgets()){let{viewId:o}=r;(!o||o===t.viewport?.id)&&r[n]?.(t,e)}}_setWidgets(t){let e={};for(let n of this.resolvedWidgets)e[n.id]=n;this.resolvedWidgets.length=0;for(let n of this.defaultWidgets)e[n.id]=null,this.resolvedWidgets.push(n);for(let n of t){let r=e[n.id];r?r.viewId!==n.viewId||r.placement!==n.placement?(this._removeWidget(r),this._addWidget(n)):n!==r&&(r.setProps(n.props),n=r):this._addWidget(n),e[n.id]=null,this.resolvedWidgets.push(n)}for(let n in e){let r=e[n];r&&this._removeWidget(r)}this.widgets=t}_addWidget(t){let{viewId:e=null,placement:n=mv}=t,r=t.props._container??e;t.widgetManager=this,t.deck=this.deck,t.rootElement=t._onAdd({deck:this.deck,viewId:e}),t.rootElement&&this._getContainer(r,n).append(t.rootElement),t.updateHTML()}_removeWidget(t){t.onRemove?.(),t.rootElement&&t.rootElement.remove(),t.rootElement=void 0,t.deck=void 0,t.widgetManager=void 0}_getContainer(t,e){if(t&&typeof t!="string")return t;let n=t||Jh,r=this.containers[n];r||(r=document.createElement("div"),r.style.pointerEvents="none",r.style.position="absolute",r.style.overflow="hidden",this.parentElement?.append(r),this.containers[n]=r);let o=r.querySelector(`.${e}`);return o||(o=globalThis.document.createElement("div"),o.className=e,o.style.position="absolute",o.style.zIndex="2",Object.assign(o.style,gv[e]),r.append(o)),o}_updateContainers(){for(let t in this.containers){let e=this.lastViewports[t]||null,n=t===Jh||e,r=this.containers[t];if(n){let o=this._getContainerBounds(e);r.style.display="block",r.style.left=`${o.x}px`,r.style.top=`${o.y}px`,r.style.width=`${o.width}px`,r.style.height=`${o.height}px`}else r.style.display="none"}}_getContainerBounds(t){if(!t)return{x:0,y:0,width:this.parentElement?.clientWidth||this.deck.width,height:this.parentElement?.clientHeight||this.deck.height};let e=this.getCanvasBounds(t);return{x:e.x+t.x,y:e.y+t.y,width:t.width,height:t.height}}};function Ja(i,t){t&&Object.entries(t).map(([e,n])=>{e.startsWith("--")?i.style.setProperty(e,n):i.style[e]=n})}function Qh(i,t){t&&Object.keys(t).map(e=>{e.startsWith("--")?i.style.removeProperty(e):i.style[e]=""})}var yi=class{constructor(t){this.viewId=null,this.props={...this.constructor.defaultProps,...t},this.id=this.props.id}setProps(t){let e=this.props,n=this.rootElement;n&&e.className!==t.className&&(e.className&&n.classList.remove(e.className),t.className&&n.classList.add(t.className)),n&&!W(e.style,t.style,1)&&(Qh(n,e.style),Ja(n,t.style)),Object.assign(this.props,t),this.updateHTML()}updateHTML(){this.rootElement&&this.onRenderHTML(this.rootElement)}get viewIds(){return this.viewId?[this.viewId]:this.deck?.getViews().map(t=>t.id)??[]}getViewState(t){return this.deck?.viewManager?.getViewState(t)||{}}setViewState(t,e){this.deck?._onViewStateChange({viewId:t,viewState:e,interactionState:{}})}onCreateRootElement(){let t=["deck-widget",this.className,this.props.className],e=document.createElement("div");return t.filter(n=>typeof n=="string"&&n.length>0).forEach(n=>e.classList.add(n)),Ja(e,this.props.style),e}_onAdd(t){return this.onAdd(t)??this.onCreateRootElement()}onAdd(t){}onRemove(){}onViewportChange(t){}onRedraw(t){}onHover(t,e){}onClick(t,e){}onDrag(t,e){}onDragStart(t,e){}onDragEnd(t,e){}};yi.defaultProps={id:"widget",style:{},_container:null,className:""};var yv={zIndex:"1",position:"absolute",pointerEvents:"none",color:"#a0a7b4",backgroundColor:"#29323c",padding:"10px",top:"0",left:"0",display:"none"},Mn=class extends yi{constructor(t={}){super(t),this.id="default-tooltip",this.placement="fill",this.className="deck-tooltip",this.isVisible=!1,this.setProps(t)}onCreateRootElement(){let t=document.createElement("div");return t.className=this.className,Object.assign(t.style,yv),t}onRenderHTML(t){}onViewportChange(t){this.isVisible&&t.id===this.lastViewport?.id&&!t.equals(this.lastViewport)&&this.setTooltip(null),this.lastViewport=t}onHover(t){let{deck:e}=this,n=e&&e.props.getTooltip;if(!n)return;let r=n(t),o=this.widgetManager?.getCanvasBounds(t.viewport),s=t.x+(o?.x||0),a=t.y+(o?.y||0);this.setTooltip(r,s,a)}setTooltip(t,e,n){let r=this.rootElement;if(r){if(typeof t=="string")r.innerText=t;else if(t)t.text&&(r.innerText=t.text),t.html&&(r.innerHTML=t.html),t.className&&(r.className=t.className);else{this.isVisible=!1,r.style.display="none";return}this.isVisible=!0,r.style.display="block",r.style.transform=`translate(${e}px, ${n}px)`,t&&typeof t=="object"&&"style"in t&&Object.assign(r.style,t.style)}}};Mn.defaultProps={...yi.defaultProps};var Sn=class{constructor(t){this.targets={},this.order=[],this.eventManagers={},this._eventRootToCanvasId=new WeakMap,this._createEventManager=t.createEventManager,this._getEventRoot=t.getEventRoot}finalize(){for(let t of Object.values(this.targets))t.eventManager.destroy(),t.presentationContext.destroy();this.targets={},this.order=[],this.eventManagers={},this._eventRootToCanvasId=new WeakMap}syncCanvasEntries(t){let e=this._normalizeCanvasList(t.canvases),n={},r=[],o=new Map;for(let{canvas:a}of e){let c=this._getEventRoot(a);o.set(c,(o.get(c)||0)+1)}for(let{id:a,canvas:c}of e){let l=this._getEventRoot(c),f=o.get(l)===1?l:c,h=this.targets[a];if(!h||h.device!==t.device||h.canvas!==c||h.eventRoot!==f){h?.eventManager.destroy(),h?.presentationContext.destroy();let u=t.device.createPresentationContext({id:a,canvas:c,useDevicePixels:t.useDevicePixels,autoResize:!0});h={id:a,device:t.device,canvas:c,eventRoot:f,presentationContext:u,eventManager:this._createEventManager(f)}}this._eventRootToCanvasId.set(f,a),this._eventRootToCanvasId.set(c,a),n[a]=h,r.push(a)}for(let[a,c]of Object.entries(this.targets))n[a]||(c.eventManager.destroy(),c.presentationContext.destroy());this.targets=n,this.order=r;let s=Object.fromEntries(Object.entries(n).map(([a,c])=>[a,c.eventManager]));this._haveSameEventManagers(s)||(this.eventManagers=s)}getCanvasIdFromEvent(t){return t?this._eventRootToCanvasId.get(t):void 0}getTarget(t){return this.targets[t||this.order[0]||ye]||null}_normalizeCanvasList(t=[]){let e=new Set;return t.map((n,r)=>{let o,s;return typeof n=="string"?(o=document.getElementById(n),D(o,`Canvas with id ${n} not found`),s=n):(o=n,s=o.id||`deckgl-canvas-${r}`),D(!e.has(s),`Duplicate canvas id ${s}`),e.add(s),{id:s,canvas:o}})}_haveSameEventManagers(t){let e=Object.keys(t),n=Object.keys(this.eventManagers);return e.length===n.length&&e.every(r=>t[r]===this.eventManagers[r])}};function ie(){}var xv=({isDragging:i})=>i?"grabbing":"grab",tu={id:"",width:"100%",height:"100%",style:null,viewState:null,initialViewState:null,pickingRadius:0,pickAsync:"auto",layerFilter:null,parameters:{},parent:null,device:null,deviceProps:{},gl:null,canvas:null,_canvases:null,layers:[],effects:[],views:null,controller:null,useDevicePixels:!0,touchAction:"none",eventRecognizerOptions:{},_framebuffer:null,_animate:!1,_pickable:!0,_typedArrayManagerProps:{},_customRender:null,widgets:[],onDeviceInitialized:ie,onWebGLInitialized:ie,onResize:ie,onViewStateChange:ie,onInteractionStateChange:ie,onBeforeRender:ie,onAfterRender:ie,onLoad:ie,onError:i=>I.error(i.message,i.cause)(),onHover:null,onClick:null,onDragStart:null,onDrag:null,onDragEnd:null,_onMetrics:null,getCursor:xv,getTooltip:null,debug:!1,drawPickingColors:!1},Cn=class{constructor(t){this.width=0,this.height=0,this.userData={},this.device=null,this.canvas=null,this.viewManager=null,this.layerManager=null,this.effectManager=null,this.deckRenderer=null,this.deckPicker=null,this.eventManager=null,this.eventManagers={},this.widgetManager=null,this.tooltip=null,this.animationLoop=null,this._canvasContext=null,this._deviceResizeHandler=null,this.cursorState={isHovering:!1,isDragging:!1},this.stats=new gr({id:"deck.gl"}),this.metrics={fps:0,setPropsTime:0,layersCount:0,drawLayersCount:0,updateLayersCount:0,updateAttributesCount:0,updateAttributesTime:0,framesRedrawn:0,pickTime:0,pickCount:0,pickLayersCount:0,gpuTime:0,gpuTimePerFrame:0,cpuTime:0,cpuTimePerFrame:0,bufferMemory:0,textureMemory:0,renderbufferMemory:0,gpuMemory:0},this._metricsCounter=0,this._hoverPickSequence=0,this._pointerDownPickSequence=0,this._needsRedraw="Initial render",this._canvasManager=new Sn({createEventManager:r=>this._createEventManager(r),getEventRoot:r=>this._getEventRoot(r)}),this._ownedCanvas=null,this._pickRequest={mode:"hover",x:-1,y:-1,radius:0,canvasId:void 0,event:null,unproject3D:!1},this._lastPointerDownInfo=null,this._lastPointerDownInfoPromise=null,this._onPointerMove=r=>{let{_pickRequest:o}=this,s=this._getCanvasIdFromEvent(r);if(r.type==="pointerleave")o.x=-1,o.y=-1,o.radius=0,o.canvasId=s;else{if(r.leftButton||r.rightButton)return;{let a=r.offsetCenter;if(!a)return;o.x=a.x,o.y=a.y,o.radius=this.props.pickingRadius,o.canvasId=s}}this.layerManager&&(this.layerManager.context.mousePosition={x:o.x,y:o.y}),o.event=r},this._onEvent=r=>{let o=ai[r.type],s=r.offsetCenter,a=this._getCanvasIdFromEvent(r);if(!o||!s||!this.layerManager)return;let c=this.layerManager.getLayers(),l=this._getInternalPickingMode();if(!l)return;if(l==="sync"){let h=r.type==="click"&&this._shouldUnproject3D(c)?this._getFirstPickedInfo(this._pickPointSync(this._getPointPickOptions(s.x,s.y,{unproject3D:!0,canvasId:a},c))):this._getLastPointerDownPickingInfo(s.x,s.y,a,c);this._dispatchPickingEvent(h,r);return}(this._lastPointerDownInfoPromise||Promise.resolve(this._getLastPointerDownPickingInfo(s.x,s.y,a,c))).then(h=>{this._dispatchPickingEvent(h,r)}).catch(h=>this.props.onError?.(h))},this._onPointerDown=r=>{let o=r.offsetCenter,s=this._getCanvasIdFromEvent(r);if(!o)return;let a=this._getInternalPickingMode();if(!a)return;let c=this.layerManager?.getLayers()||[],l=++this._pointerDownPickSequence;if(a==="sync"){let h=this._pickPointSync({x:o.x,y:o.y,canvasId:s,radius:this.props.pickingRadius}),u=this._getFirstPickedInfo(h);this._lastPointerDownInfo=u,this._lastPointerDownInfoPromise=Promise.resolve(u);return}let f=this._pickPointAsync(this._getPointPickOptions(o.x,o.y,{canvasId:s},c)).then(h=>this._getFirstPickedInfo(h)).then(h=>(l===this._pointerDownPickSequence&&(this._lastPointerDownInfo=h),h)).catch(h=>{this.props.onError?.(h);let u=this.deckPicker&&this.viewManager?this._getLastPointerDownPickingInfo(o.x,o.y,s,c):{};return l===this._pointerDownPickSequence&&(this._lastPointerDownInfo=u),u});this._lastPointerDownInfo=null,this._lastPointerDownInfoPromise=f};let e=t;this.props={...tu,...t},t=this.props,this._validateCanvasConfiguration(t),t.viewState&&t.initialViewState&&I.warn("View state tracking is disabled. Use either `initialViewState` for auto update or `viewState` for manual update.")(),this.viewState=this.props.initialViewState,t.device&&(this.device=t.device,this._setDeviceCanvasContext(t.device));let n=this.device;!n&&t.gl&&(t.gl instanceof WebGLRenderingContext&&I.error("WebGL1 context not supported.")(),n=vr.attach(t.gl,{_cacheShaders:!0,_cachePipelines:!0,...this.props.deviceProps})),n||(n=this._createDevice(t)),this.animationLoop=this._createAnimationLoop(n,t),this.setProps(e),t._typedArrayManagerProps&&St.setOptions(t._typedArrayManagerProps),this.animationLoop.start()}finalize(){this._restoreDeviceResizeHandler(),this.animationLoop?.stop(),this.animationLoop?.destroy(),this.animationLoop=null,this._hoverPickSequence++,this._pointerDownPickSequence++,this._lastPointerDownInfo=null,this._lastPointerDownInfoPromise=null,this.layerManager?.finalize(),this.layerManager=null,this.viewManager?.finalize(),this.viewManager=null,this.effectManager?.finalize(),this.effectManager=null,this.deckRenderer?.finalize(),this.deckRenderer=null,this.deckPicker?.finalize(),this.deckPicker=null,Object.keys(this._canvasManager.targets).length||this.eventManager?.destroy(),this.eventManager=null,this.eventManagers={},this.widgetManager?.finalize(),this.widgetManager=null,this._canvasManager.finalize(),this._isMultiCanvasMode()?this.canvas=null:this.canvas&&this.canvas===this._ownedCanvas&&(this.canvas.parentElement?.removeChild(this.canvas),this.canvas=null,this._ownedCanvas=null),this._canvasContext=null}setProps(t){this.stats.get("setProps Time").timeStart(),"onLayerHover"in t&&I.removed("onLayerHover","onHover")(),"onLayerClick"in t&&I.removed("onLayerClick","onClick")(),t.initialViewState&&!W(this.props.initialViewState,t.initialViewState,3)&&(this.viewState=t.initialViewState),D(!("_canvases"in t)||Array.isArray(t._canvases)===this._isMultiCanvasMode()),Object.assign(this.props,t),this._validateCanvasConfiguration(this.props),this._validateInternalPickingMode(),this.device&&this._isMultiCanvasMode()&&this._syncCanvasTargets(),this._setCanvasSize(this.props);let e=Object.create(this.props);if(Object.assign(e,{views:this._getViews(),width:this.width,height:this.height,viewState:this._getViewState(),eventManagers:this.eventManagers}),t.device&&t.device.id!==this.device?.id){let n=t.device.getDefaultCanvasContext();this.animationLoop?.stop(),!this._isMultiCanvasMode()&&this.canvas!==n.canvas&&(this.canvas?.remove(),this.eventManager?.destroy(),this.canvas=null),this._setDeviceCanvasContext(t.device),I.log(`recreating animation loop for new device! id=${t.device.id}`)(),this.animationLoop=this._createAnimationLoop(t.device,t),this.animationLoop.start()}if(this.animationLoop?.setProps(e),t.useDevicePixels!==void 0&&this._canvasContext?.setProps){this._canvasContext.setProps({useDevicePixels:t.useDevicePixels});for(let n of Object.values(this._canvasManager.targets))n.presentationContext.setProps({useDevicePixels:t.useDevicePixels})}this.layerManager&&(this.viewManager.setProps(e),this.layerManager.activateViewport(this.getViewports()[0]),this.layerManager.setProps(e),this.effectManager.setProps(e),this.deckRenderer.setProps(e),this.deckPicker.setProps(e),this.widgetManager.setProps(e)),this.stats.get("setProps Time").timeEnd()}needsRedraw(t={clearRedrawFlags:!1}){if(!this.layerManager)return!1;if(this.props._animate)return"Deck._animate";let e=this._needsRedraw;t.clearRedrawFlags&&(this._needsRedraw=!1);let n=this.viewManager.needsRedraw(t),r=this.layerManager.needsRedraw(t),o=this.effectManager.needsRedraw(t),s=this.deckRenderer.needsRedraw(t);return e=e||n||r||o||s,e}redraw(t){if(!this.layerManager)return;let e=this.needsRedraw({clearRedrawFlags:!0});e=t||e,e&&(this.stats.get("Redraw Count").incrementCount(),this.props._customRender?this.props._customRender(e):this._drawLayers(e))}get isInitialized(){return this.viewManager!==null}getViews(){return D(this.viewManager),this.viewManager.views}getView(t){return D(this.viewManager),this.viewManager.getView(t)}getViewports(t){return D(this.viewManager),this.viewManager.getViewports(t)}getCanvas(){return this.canvas}getCanvasContext(t){let e=t?this.viewManager?.getView(t)?.props.canvasId:void 0;return this._getCanvasContext(e)}getEventManager(t){if(!t||!this.viewManager)return this.eventManager;let e=this.viewManager.getCanvasId(t)||ye;return this.eventManagers[e]||this.eventManager}async pickObjectAsync(t){let e=(await this._pickAsync("pickObjectAsync","pickObject Time",t)).result;return e.length?e[0]:null}async pickObjectsAsync(t){return await this._pickAsync("pickObjectsAsync","pickObjects Time",t)}pickObject(t){let e=this._pick("pickObject","pickObject Time",t).result;return e.length?e[0]:null}pickMultipleObjects(t){return t.depth=t.depth||10,this._pick("pickObject","pickMultipleObjects Time",t).result}pickObjects(t){return this._pick("pickObjects","pickObjects Time",t)}_pickPositionForController(t,e,n){return this._getInternalPickingMode()!=="sync"?null:this.pickObject({x:t,y:e,radius:0,unproject3D:!0,canvasId:n?this.viewManager?.getCanvasId(n):void 0})}_addResources(t,e=!1){for(let n in t)this.layerManager.resourceManager.add({resourceId:n,data:t[n],forceUpdate:e})}_removeResources(t){for(let e of t)this.layerManager.resourceManager.remove(e)}_addDefaultEffect(t){this.effectManager.addDefaultEffect(t)}_addDefaultShaderModule(t){this.layerManager.addDefaultShaderModule(t)}_removeDefaultShaderModule(t){this.layerManager?.removeDefaultShaderModule(t)}_resolveInternalPickingMode(){let{pickAsync:t}=this.props,e=this.device?.type||this.props.deviceProps?.type;if(t==="auto")return e==="webgpu"?"async":"sync";if(t==="sync"&&e==="webgpu")throw new Error('`pickAsync: "sync"` is not supported when Deck is using a WebGPU device.');return t}_getInternalPickingMode(){try{return this._resolveInternalPickingMode()}catch(t){return this.props.onError?.(t),null}}_validateInternalPickingMode(){this._getInternalPickingMode()}_getFirstPickedInfo({result:t,emptyInfo:e}){return t[0]||e}_shouldUnproject3D(t=this.layerManager?.getLayers()||[]){return t.some(e=>e.props.pickable==="3d")}_getPointPickOptions(t,e,n={},r=this.layerManager?.getLayers()||[]){return{x:t,y:e,canvasId:n.canvasId,radius:this.props.pickingRadius,unproject3D:this._shouldUnproject3D(r),...n}}_pickPointSync(t){return this._pick("pickObject","pickObject Time",t)}_pickPointAsync(t){return this._pickAsync("pickObjectAsync","pickObject Time",t)}_getLastPointerDownPickingInfo(t,e,n,r=this.layerManager?.getLayers()||[]){return this.deckPicker.getLastPickedObject({x:t,y:e,layers:r,viewports:this.getViewports({x:t,y:e,canvasId:n})},this._lastPointerDownInfo)}_applyHoverCallbacks({result:t,emptyInfo:e},n){if(!this.widgetManager)return;this.cursorState.isHovering=t.length>0;let r=e,o=!1;for(let s of t)r=s,o=s.layer?.onHover(s,n)||o;o||(this.props.onHover?.(r,n),this.widgetManager.onHover(r,n))}_dispatchPickingEvent(t,e){if(!this.layerManager||!this.widgetManager)return;let n=ai[e.type];if(!n)return;let{layer:r}=t,o=r&&(r[n]||r.props[n]),s=this.props[n],a=!1;o&&(a=o.call(r,t,e)),a||(s?.(t,e),this.widgetManager.onEvent(t,e))}_pickAsync(t,e,n){D(this.deckPicker);let{stats:r}=this,o=this._isMultiCanvasMode()?n.canvasId||this._getDefaultCanvasId():n.canvasId,s=this._getCanvasContext(o)||void 0;r.get("Pick Count").incrementCount(),r.get(e).timeStart(),this._resizeForCanvasTarget(o);let a=this.deckPicker[t]({layers:this.layerManager.getLayers(n),views:this.viewManager.getViews(),viewports:this.getViewports({...n,canvasId:o}),onViewportActive:this.layerManager.activateViewport,effects:this.effectManager.getEffects(),...n,canvasId:o,canvasContext:s});return r.get(e).timeEnd(),a}_pick(t,e,n){D(this.deckPicker);let{stats:r}=this,o=this._isMultiCanvasMode()?n.canvasId||this._getDefaultCanvasId():n.canvasId,s=this._getCanvasContext(o)||void 0;r.get("Pick Count").incrementCount(),r.get(e).timeStart(),this._resizeForCanvasTarget(o);let a=this.deckPicker[t]({layers:this.layerManager.getLayers(n),views:this.viewManager.getViews(),viewports:this.getViewports({...n,canvasId:o}),onViewportActive:this.layerManager.activateViewport,effects:this.effectManager.getEffects(),...n,canvasId:o,canvasContext:s});return r.get(e).timeEnd(),a}_createCanvas(t){let e=t.canvas;return typeof e=="string"&&(e=document.getElementById(e),D(e)),e?this._ownedCanvas=null:(e=document.createElement("canvas"),e.id=t.id||"deckgl-overlay",t.width&&typeof t.width=="number"&&(e.width=t.width),t.height&&typeof t.height=="number"&&(e.height=t.height),(t.parent||document.body).appendChild(e),this._ownedCanvas=e),Object.assign(e.style,t.style),e}_isMultiCanvasMode(){return Array.isArray(this.props._canvases)}_getDefaultCanvasId(){return this._canvasManager.order[0]||ye}_validateCanvasConfiguration(t){Array.isArray(t._canvases)&&(D(!t.canvas),D(!t.gl),D(!t.device?.canvasContext||t.device.getDefaultCanvasContext().offscreenCanvas))}_createEventManager(t){let e=new en(t,{touchAction:this.props.touchAction,recognizers:Object.keys(ka).map(n=>{let[r,o,s,a]=ka[n],c=this.props.eventRecognizerOptions?.[n],l={...o,...c,event:n};return{recognizer:new r(l),recognizeWith:s,requireFailure:a}}),events:{pointerdown:this._onPointerDown,pointermove:this._onPointerMove,pointerleave:this._onPointerMove}});for(let n in ai)n==="dblclick"?e.watch(n,this._onEvent):e.on(n,this._onEvent);return e}_getEventRoot(t){return t.closest(".deck-events-root")||this.props.parent?.querySelector(".deck-events-root")||t}_syncCanvasTargets(){if(!this.device||!this._isMultiCanvasMode())return;this._canvasManager.syncCanvasEntries({device:this.device,canvases:this.props._canvases||[],useDevicePixels:this.props.useDevicePixels}),this.eventManagers=this._canvasManager.eventManagers;let t=this._getDefaultCanvasId();this.eventManager=this.eventManagers[t]||null,this.canvas=this._canvasManager.targets[t]?.canvas||null}_setCanvasContext(t){this._canvasContext=t,"style"in t.canvas&&(this.canvas=t.canvas)}_setDeviceCanvasContext(t,e={}){let n=t.getDefaultCanvasContext();this._setCanvasContext(n),this._setDeviceResizeHandler(t,e)}_setDeviceResizeHandler(t,e={}){let n=!!e.syncDrawingBuffer;if(this._deviceResizeHandler?.device===t){this._deviceResizeHandler.syncDrawingBuffer=n;return}this._restoreDeviceResizeHandler();let r=o=>{this._isMultiCanvasMode()?this._updateMultiCanvasDimensions():o===this._canvasContext&&this._canvasContext&&this._onCanvasContextResize(this._canvasContext,{syncDrawingBuffer:this._deviceResizeHandler?.syncDrawingBuffer})};t.props.onResize=r,this._deviceResizeHandler={device:t,onResize:r,syncDrawingBuffer:n}}_restoreDeviceResizeHandler(){let t=this._deviceResizeHandler;t&&t.device.props?.onResize===t.onResize&&(t.device.props.onResize=ie),this._deviceResizeHandler=null}_setCanvasSize(t){if(this._isMultiCanvasMode()||!this.canvas)return;let{width:e,height:n}=t;if(e||e===0){let r=Number.isFinite(e)?`${e}px`:e;this.canvas.style.width=r}if(n||n===0){let r=Number.isFinite(n)?`${n}px`:n;this.canvas.style.position=t.style?.position||"absolute",this.canvas.style.height=r}}_getCanvasIdFromEvent(t){return this._canvasManager.getCanvasIdFromEvent(t?.rootElement)}_getCanvasContext(t){return this._canvasManager.getTarget(t)?.presentationContext||this._canvasContext}_resizeForCanvasTarget(t){let e=this._canvasManager.getTarget(t);if(!e||!this.device?.canvasContext)return;let[n,r]=e.presentationContext.getDrawingBufferSize();this.device.canvasContext.setDrawingBufferSize(n,r)}_createDeviceCanvas(t){if(this._isMultiCanvasMode()){let e=globalThis.OffscreenCanvas;if(!e)throw new Error("`_canvases` requires OffscreenCanvas support.");let n=typeof t.width=="number"&&Number.isFinite(t.width)?t.width:1,r=typeof t.height=="number"&&Number.isFinite(t.height)?t.height:1;return new e(n,r)}return this._createCanvas(t)}_updateCanvasSize(t=this._canvasContext){if(this._isMultiCanvasMode()){this._updateMultiCanvasDimensions();return}let{canvas:e}=this,[n,r]=t?t.getCSSSize():[e?.clientWidth??e?.width??0,e?.clientHeight??e?.height??0];(n!==this.width||r!==this.height)&&(this.width=n,this.height=r,this.viewManager?.setProps({width:n,height:r}),this.layerManager?.activateViewport(this.getViewports()[0]),this.props.onResize({width:n,height:r},t||void 0))}_onCanvasContextResize(t,e={}){if(e.syncDrawingBuffer){let{width:n,height:r}=t.canvas;t.setDrawingBufferSize(n,r)}this._needsRedraw="Canvas resized",this._updateCanvasSize(t)}_updateMultiCanvasDimensions(){let[t,e]=this._getCanvasContext()?.getCSSSize()||[0,0];(t!==this.width||e!==this.height)&&(this.width=t,this.height=e,this.props.onResize({width:t,height:e})),this._needsRedraw="Canvas resized",this.viewManager?.setNeedsUpdate("Canvas resized"),this.viewManager?.setProps({width:this.width,height:this.height})}_createAnimationLoop(t,e){let{gl:n,onError:r}=e;return new Fc({device:t,autoResizeDrawingBuffer:!n&&!Array.isArray(e._canvases),autoResizeViewport:!1,onInitialize:o=>this._setDevice(o.device),onRender:this._onRenderFrame.bind(this),onError:r})}_createDevice(t){let e=this.props.deviceProps?.createCanvasContext,n=typeof e=="object"?e:void 0,r={adapters:[],_cacheShaders:!0,_cachePipelines:!0,...t.deviceProps};r.adapters.includes(vr)||r.adapters.push(vr);let o={alphaMode:this.props.deviceProps?.type==="webgpu"?"premultiplied":void 0};return es.createDevice({_reuseDevices:!0,type:"webgl",...r,createCanvasContext:{...o,...n,canvas:this._createDeviceCanvas(t),useDevicePixels:this.props.useDevicePixels,autoResize:!0}})}_getViewState(){return this.props.viewState||this.viewState}_getViews(){let{views:t}=this.props,e=Array.isArray(t)?t:t?[t]:[new _n({id:"default-view"})];return e.length&&this.props.controller&&(e[0]=e[0].clone({controller:this.props.controller})),e}_onContextLost(){let{onError:t}=this.props;this.animationLoop&&t&&t(new Error("WebGL context is lost"))}_pickAndCallback(){let{_pickRequest:t}=this;if(t.event){let e=t.event,n=this.layerManager?.getLayers()||[],r=this._getPointPickOptions(t.x,t.y,{canvasId:t.canvasId,radius:t.radius,mode:t.mode},n),o=this._getInternalPickingMode(),s=++this._hoverPickSequence;if(t.event=null,t.canvasId=void 0,!o)return;if(o==="sync"){this._applyHoverCallbacks(this._pickPointSync(r),e);return}this._pickPointAsync(r).then(({result:a,emptyInfo:c})=>{s===this._hoverPickSequence&&this._applyHoverCallbacks({result:a,emptyInfo:c},e)}).catch(a=>this.props.onError?.(a))}}_updateCursor(){let t=this.props.getCursor(this.cursorState);if(this._isMultiCanvasMode()){for(let n of Object.values(this._canvasManager.targets))n.canvas.style.cursor=t;return}let e=this.props.parent||this.canvas;e&&(e.style.cursor=t)}_setDevice(t){if(this.device=t,this._validateInternalPickingMode(),!this.animationLoop)return;this._setDeviceCanvasContext(t,{syncDrawingBuffer:!!(this.props.gl&&this.props.device!==t)}),this._isMultiCanvasMode()?this._syncCanvasTargets():this.canvas&&!this.canvas.isConnected&&this.props.parent&&this.props.parent.insertBefore(this.canvas,this.props.parent.firstChild),this.device.type==="webgl"&&this.device.setParametersWebGL({blend:!0,blendFunc:[770,771,1,771],polygonOffsetFill:!0,depthTest:!0,depthFunc:515}),this.props.onDeviceInitialized(this.device),this.device.type==="webgl"&&this.props.onWebGLInitialized(this.device.gl);let e=new yr;if(e.play(),this.animationLoop.attachTimeline(e),!this._isMultiCanvasMode()){let o=this.canvas&&this._getEventRoot(this.canvas);D(o),this.eventManager=this._createEventManager(o),this.eventManagers={[ye]:this.eventManager}}this.viewManager=new pn({timeline:e,eventManager:this.eventManager,eventManagers:this.eventManagers,getCanvasContext:this._isMultiCanvasMode()?this.getCanvasContext.bind(this):void 0,onViewStateChange:this._onViewStateChange.bind(this),onInteractionStateChange:this._onInteractionStateChange.bind(this),pickPosition:this._pickPositionForController.bind(this),views:this._getViews(),viewState:this._getViewState(),width:this.width,height:this.height});let n=this.viewManager.getViewports()[0];this.layerManager=new dn(this.device,{deck:this,stats:this.stats,viewport:n,timeline:e}),this.effectManager=new Pn({deck:this,device:this.device}),this.deckRenderer=new bn(this.device,{stats:this.stats}),this.deckPicker=new En(this.device,{stats:this.stats});let r=this.props.parent?.querySelector(".deck-widgets-root")||(this._isMultiCanvasMode()?this.props.parent||this.canvas?.parentElement:null)||this.canvas?.parentElement;this.widgetManager=new vo({deck:this,parentElement:r}),this.widgetManager.addDefault(new Mn),this.setProps({}),this._updateCanvasSize(this._canvasContext),this.props.onLoad()}_drawLayers(t,e){let{device:n,gl:r}=this.layerManager.context;this.props.onBeforeRender({device:n,gl:r});let o={target:this.props._framebuffer,layers:this.layerManager.getLayers(),viewports:this.viewManager.getViewports(),onViewportActive:this.layerManager.activateViewport,views:this.viewManager.getViews(),pass:"screen",effects:this.effectManager.getEffects(),...e};if(this._isMultiCanvasMode()&&o.pass==="screen"&&!o.target&&this._canvasManager.order.length)for(let s of this._canvasManager.order){let a=o.viewports.filter(f=>this.viewManager.getCanvasId(f.id)===s);if(!a.length){let f=this._canvasManager.targets[s];this._resizeForCanvasTarget(s),this.deckRenderer?.renderLayers({...o,canvasContext:f.presentationContext,target:f.presentationContext.getCurrentFramebuffer(),viewports:[],clearCanvas:!0}),f.presentationContext.present();continue}let c=this._canvasManager.targets[s];this._resizeForCanvasTarget(s);let l=c.presentationContext.getCurrentFramebuffer();this.deckRenderer?.renderLayers({...o,canvasContext:c.presentationContext,target:l,viewports:a}),c.presentationContext.present()}else this.deckRenderer?.renderLayers(o);o.pass==="screen"&&this.widgetManager.onRedraw({viewports:o.viewports,layers:o.layers}),this.props.onAfterRender({device:n,gl:r})}_onRenderFrame(){this._getFrameStats(),this._metricsCounter++%60===0&&(this._getMetrics(),this.stats.reset(),I.table(4,this.metrics)(),this.props._onMetrics&&this.props._onMetrics(this.metrics)),this._updateCursor(),this.layerManager.updateLayers(),this._pickAndCallback(),this.redraw(),this.viewManager&&this.viewManager.updateViewStates()}_onViewStateChange(t){let e=this.props.onViewStateChange(t)||t.viewState;this.viewState&&(this.viewState={...this.viewState,[t.viewId]:e},this.props.viewState||this.viewManager&&this.viewManager.setProps({viewState:this.viewState}))}_onInteractionStateChange(t){this.cursorState.isDragging=t.isDragging||!1,this.props.onInteractionStateChange(t)}_getFrameStats(){let{stats:t}=this;t.get("frameRate").timeEnd(),t.get("frameRate").timeStart();let e=this.animationLoop.stats;t.get("GPU Time").addTime(e.get("GPU Time").lastTiming),t.get("CPU Time").addTime(e.get("CPU Time").lastTiming)}_getMetrics(){let{metrics:t,stats:e}=this;t.fps=e.get("frameRate").getHz(),t.setPropsTime=e.get("setProps Time").time,t.updateAttributesTime=e.get("Update Attributes").time,t.framesRedrawn=e.get("Redraw Count").count,t.pickTime=e.get("pickObject Time").time+e.get("pickMultipleObjects Time").time+e.get("pickObjects Time").time,t.pickCount=e.get("Pick Count").count,t.layersCount=this.layerManager?.layers.length??0,t.drawLayersCount=e.get("Layers rendered").lastSampleCount,t.pickLayersCount=e.get("Layers picked").lastSampleCount,t.updateLayersCount=e.get("Layer updates").count,t.updateAttributesCount=e.get("Attributes updated").count,t.gpuTime=e.get("GPU Time").time,t.cpuTime=e.get("CPU Time").time,t.gpuTimePerFrame=e.get("GPU Time").getAverageTime(),t.cpuTimePerFrame=e.get("CPU Time").getAverageTime();let n=es.stats.get("GPU Time and Memory");t.bufferMemory=n.get("Buffer Memory").count,t.textureMemory=n.get("Texture Memory").count,t.renderbufferMemory=n.get("Renderbuffer Memory").count,t.gpuMemory=n.get("GPU Memory").count}};Cn.defaultProps=tu;Cn.VERSION=$l;var _o=Cn;function eu(i){switch(i){case"float64":return Float64Array;case"uint8":case"unorm8":return Uint8ClampedArray;default:return Bc(i)}}var iu=is.getDataType.bind(is);function Tn(i,t,e){if(t.size>4)return null;let n=e==="webgpu"&&t.type==="uint8"?"unorm8":t.type,r=t.size,o=!!(e!=="webgpu"&&r===3&&n&&["uint8","sint8","unorm8","snorm8","uint16","sint16","unorm16","snorm16"].includes(n));return{attribute:i,format:r>1?`${n}x${r}${o?"-webgl":""}`:t.type,byteOffset:t.offset||0}}function vt(i){return i.stride||i.size*i.bytesPerElement}function nu(i,t){return i.type===t.type&&i.size===t.size&&vt(i)===vt(t)&&(i.offset||0)===(t.offset||0)}function Qa(i,t){t.offset&&I.removed("shaderAttribute.offset","vertexOffset, elementOffset")();let e=vt(i),n=t.vertexOffset!==void 0?t.vertexOffset:i.vertexOffset||0,r=t.elementOffset||0,o=n*e+r*i.bytesPerElement+(i.offset||0);return{...t,offset:o,stride:e}}function vv(i,t){let e=Qa(i,t);return{high:e,low:{...e,offset:e.offset+i.size*4}}}var Ln=class{constructor(t,e,n){this._buffer=null,this.device=t,this.id=e.id||"",this.size=e.size||1;let r=e.logicalType||e.type,o=r==="float64",{defaultValue:s}=e;s=Number.isFinite(s)?[s]:s||new Array(this.size).fill(0);let a;o?a="float32":!r&&e.isIndexed?a="uint32":a=r||"float32";let c=eu(r||a);this.doublePrecision=o,o&&e.fp64===!1&&(c=Float32Array),this.value=null,this.settings={...e,defaultType:c,defaultValue:s,logicalType:r,type:a,normalized:a.includes("norm"),size:this.size,bytesPerElement:c.BYTES_PER_ELEMENT},this.state={...n,externalBuffer:null,bufferAccessor:this.settings,allocatedValue:null,numInstances:0,bounds:null,constant:!1}}get isConstant(){return this.state.constant}get buffer(){return this._buffer}get byteOffset(){let t=this.getAccessor();return t.vertexOffset?t.vertexOffset*vt(t):0}get numInstances(){return this.state.numInstances}set numInstances(t){this.state.numInstances=t}get isDoublePrecisionBuffer(){return this._shouldSplitDoublePrecisionValue(this.value)}delete(){this._buffer&&(this._buffer.delete(),this._buffer=null),St.release(this.state.allocatedValue),this.state.allocatedValue=null}getBuffer(){return this.state.constant&&this.device.type!=="webgpu"?null:this.state.externalBuffer||this._buffer}getValue(t=this.id,e=null){let n={};if(this.state.constant){let r=this.value;if(this.device.type==="webgpu"&&this._buffer)n[t]=this._buffer;else if(e){let o=Qa(this.getAccessor(),e),s=o.offset/r.BYTES_PER_ELEMENT,a=o.size||this.size;n[t]=r.subarray(s,s+a)}else n[t]=r}else n[t]=this.getBuffer();return this.doublePrecision&&(this.isDoublePrecisionBuffer?n[`${t}64Low`]=n[t]:n[`${t}64Low`]=new Float32Array(this.size)),n}_getBufferLayout(t=this.id,e=null){let n=this.getAccessor(),r=[],o={name:this.id,byteStride:this.device.type==="webgpu"&&this.state.constant?0:vt(n)};if(this.doublePrecision){let s=vv(n,e||{});r.push(Tn(t,{...n,...s.high},this.device.type),Tn(`${t}64Low`,{...n,...s.low},this.device.type))}else if(e){let s=Qa(n,e);r.push(Tn(t,{...n,...s},this.device.type))}else r.push(Tn(t,n,this.device.type));return o.attributes=r.filter(Boolean),o}setAccessor(t){this.state.bufferAccessor=t}getAccessor(){return this.state.bufferAccessor}getBounds(){if(this.state.bounds)return this.state.bounds;let t=null;if(this.state.constant&&this.value){let e=Array.from(this.value);t=[e,e]}else{let{value:e,numInstances:n,size:r}=this,o=n*r;if(e&&o&&e.length>=o){let s=new Array(r).fill(1/0),a=new Array(r).fill(-1/0);for(let c=0;c<o;)for(let l=0;l<r;l++){let f=e[c++];f<s[l]&&(s[l]=f),f>a[l]&&(a[l]=f)}t=[s,a]}}return this.state.bounds=t,t}setData(t){let{state:e}=this,n;ArrayBuffer.isView(t)?n={value:t}:t instanceof J?n={buffer:t}:n=t;let r={...this.settings,...n};if(ArrayBuffer.isView(n.value)){if(!n.type)if(this.doublePrecision&&n.value instanceof Float64Array)r.type="float32";else{let s=iu(n.value);r.type=r.normalized?s.replace("int","norm"):s}r.bytesPerElement=n.value.BYTES_PER_ELEMENT,r.stride=vt(r)}if(e.bounds=null,n.constant){let o=n.value;if(o=this._normalizeValue(o,[],0),this.settings.normalized&&(o=this.normalizeConstant(o)),!(!e.constant||!this._areValuesEqual(o,this.value)))return!1;e.externalBuffer=null,e.constant=!0,this.value=ArrayBuffer.isView(o)?o:new Float32Array(o)}else if(n.buffer){let o=n.buffer;e.externalBuffer=o,e.constant=!1,this.value=n.value||null}else if(n.value){this._checkExternalBuffer(n);let o=n.value,s=o;e.externalBuffer=null,e.constant=!1,this.value=o,this._shouldSplitDoublePrecisionValue(s)&&(s=di(s,r),o instanceof Float32Array&&(r.stride=r.size*2*Float32Array.BYTES_PER_ELEMENT));let{buffer:a}=this,c=vt(r),l=(r.vertexOffset||0)*c;if(this.settings.isIndexed){let h=this.settings.defaultType;s.constructor!==h&&(s=new h(s))}let f=s.byteLength+l+c*2;(!a||a.byteLength<f)&&(a=this._createBuffer(f)),a.write(s,l)}return this.setAccessor(r),!0}updateSubBuffer(t={}){this.state.bounds=null;let e=this.value,{startOffset:n=0,endOffset:r}=t,o=this._shouldSplitDoublePrecisionValue(e);this.buffer.write(o?di(e,{size:this.size,startIndex:n,endIndex:r}):e.subarray(n,r),n*(o?8:e.BYTES_PER_ELEMENT)+this.byteOffset)}allocate(t,e=!1){let{state:n}=this,r=n.allocatedValue,o=St.allocate(r,t+1,{size:this.size,type:this.settings.defaultType,copy:e});this.value=o;let s=this._shouldSplitDoublePrecisionValue(o),a=s&&o instanceof Float32Array?{...this.settings,stride:this.size*2*Float32Array.BYTES_PER_ELEMENT}:this.settings;this.setAccessor(a);let{byteOffset:c}=this,{buffer:l}=this,f=o.byteLength*(s&&o instanceof Float32Array?2:1);return(!l||l.byteLength<f+c)&&(l=this._createBuffer(f+c),e&&r&&l.write(this._shouldSplitDoublePrecisionValue(r)?di(r,this):r,c)),n.allocatedValue=o,n.constant=!1,n.externalBuffer=null,!0}_shouldSplitDoublePrecisionValue(t){return!!(this.doublePrecision&&(t instanceof Float64Array||this.device.type==="webgpu"&&t instanceof Float32Array))}_checkExternalBuffer(t){let{value:e}=t;if(!ArrayBuffer.isView(e))throw new Error(`Attribute ${this.id} value is not TypedArray`);let n=this.settings.defaultType,r=!1;if(this.doublePrecision&&(r=e.BYTES_PER_ELEMENT<4),r)throw new Error(`Attribute ${this.id} does not support ${e.constructor.name}`);!(e instanceof n)&&this.settings.normalized&&!("normalized"in t)&&I.warn(`Attribute ${this.id} is normalized`)()}normalizeConstant(t){switch(this.settings.type){case"snorm8":return new Float32Array(t).map(e=>(e+128)/255*2-1);case"snorm16":return new Float32Array(t).map(e=>(e+32768)/65535*2-1);case"unorm8":return new Float32Array(t).map(e=>e/255);case"unorm16":return new Float32Array(t).map(e=>e/65535);default:return t}}_normalizeValue(t,e,n){let{defaultValue:r,size:o}=this.settings;if(Number.isFinite(t))return e[n]=t,e;if(!t){let s=o;for(;--s>=0;)e[n+s]=r[s];return e}switch(o){case 4:e[n+3]=Number.isFinite(t[3])?t[3]:r[3];case 3:e[n+2]=Number.isFinite(t[2])?t[2]:r[2];case 2:e[n+1]=Number.isFinite(t[1])?t[1]:r[1];case 1:e[n+0]=Number.isFinite(t[0])?t[0]:r[0];break;default:let s=o;for(;--s>=0;)e[n+s]=Number.isFinite(t[s])?t[s]:r[s]}return e}_areValuesEqual(t,e){if(!t||!e)return!1;let{size:n}=this;for(let r=0;r<n;r++)if(t[r]!==e[r])return!1;return!0}_createBuffer(t){this._buffer&&this._buffer.destroy();let{isIndexed:e,type:n}=this.settings,r=this.device.type==="webgpu"&&!e?J.VERTEX|J.STORAGE|J.COPY_DST|J.COPY_SRC:(e?J.INDEX:J.VERTEX)|J.COPY_DST;return this._buffer=this.device.createBuffer({...this._buffer?.props,id:this.id,usage:r,indexType:e?n:void 0,byteLength:t}),this._buffer}};var ru=[],ou=[];function ne(i,t=0,e=1/0){let n=ru,r={index:-1,data:i,target:[]};return i?typeof i[Symbol.iterator]=="function"?n=i:i.length>0&&(ou.length=i.length,n=ou):n=ru,(t>0||Number.isFinite(e))&&(n=(Array.isArray(n)?n:Array.from(n)).slice(t,e),r.index=t-1),{iterable:n,objectInfo:r}}function Po(i){return i&&i[Symbol.asyncIterator]}function wo(i,t){let{size:e,stride:n,offset:r,startIndices:o,nested:s}=t,a=i.BYTES_PER_ELEMENT,c=n?n/a:e,l=r?r/a:0,f=Math.floor((i.length-l)/c);return(h,{index:u,target:d})=>{if(!o){let v=u*c+l;for(let _=0;_<e;_++)d[_]=i[v+_];return d}let p=o[u],g=o[u+1]||f,m;if(s){m=new Array(g-p);for(let v=p;v<g;v++){let _=v*c+l;d=new Array(e);for(let y=0;y<e;y++)d[y]=i[_+y];m[v-p]=d}}else if(c===e)m=i.subarray(p*e+l,g*e+l);else{m=new i.constructor((g-p)*e);let v=0;for(let _=p;_<g;_++){let y=_*c+l;for(let x=0;x<e;x++)m[v++]=i[y+x]}}return m}}var su=[],An=[[0,1/0]];function au(i,t){if(i===An||(t[0]<0&&(t[0]=0),t[0]>=t[1]))return i;let e=[],n=i.length,r=0;for(let o=0;o<n;o++){let s=i[o];s[1]<t[0]?(e.push(s),r=o+1):s[0]>t[1]?e.push(s):t=[Math.min(s[0],t[0]),Math.max(s[1],t[1])]}return e.splice(r,0,t),e}var Pv={interpolation:{duration:0,easing:i=>i},spring:{stiffness:.05,damping:.5}};function bo(i,t){if(!i)return null;Number.isFinite(i)&&(i={type:"interpolation",duration:i});let e=i.type||"interpolation";return{...Pv[e],...t,...i,type:e}}var Fe=class extends Ln{constructor(t,e){super(t,e,{startIndices:null,constantValue:null,lastExternalBuffer:null,binaryValue:null,binaryAccessor:null,needsUpdate:!0,needsRedraw:!1,layoutChanged:!1,updateRanges:An}),this.constant=!1,this.settings.update=e.update||(e.accessor?this._autoUpdater:void 0),Object.seal(this.settings),Object.seal(this.state),this._validateAttributeUpdaters()}get startIndices(){return this.state.startIndices}set startIndices(t){this.state.startIndices=t}needsUpdate(){return this.state.needsUpdate}needsRedraw({clearChangedFlags:t=!1}={}){let e=this.state.needsRedraw;return this.state.needsRedraw=e&&!t,e}layoutChanged(){return this.state.layoutChanged}setAccessor(t){var e;(e=this.state).layoutChanged||(e.layoutChanged=!nu(t,this.getAccessor())),super.setAccessor(t)}getUpdateTriggers(){let{accessor:t}=this.settings;return[this.id].concat(typeof t!="function"&&t||[])}supportsTransition(){return!!this.settings.transition}getTransitionSetting(t){if(!t||!this.supportsTransition())return null;let{accessor:e}=this.settings,n=this.settings.transition,r=Array.isArray(e)?t[e.find(o=>t[o])]:t[e];return bo(r,n)}setNeedsUpdate(t=this.id,e){if(this.state.needsUpdate=this.state.needsUpdate||t,this.setNeedsRedraw(t),e){let{startRow:n=0,endRow:r=1/0}=e;this.state.updateRanges=au(this.state.updateRanges,[n,r])}else this.state.updateRanges=An}clearNeedsUpdate(){this.state.needsUpdate=!1,this.state.updateRanges=su}setNeedsRedraw(t=this.id){this.state.needsRedraw=this.state.needsRedraw||t}allocate(t){let{state:e,settings:n}=this;if(n.noAlloc)return!1;if(n.update){let r=this.isConstant;return super.allocate(t,e.updateRanges!==An),e.layoutChanged||(e.layoutChanged=r&&this.device.type==="webgpu"),!0}return!1}updateBuffer({numInstances:t,data:e,props:n,context:r}){if(!this.needsUpdate())return!1;let{state:{updateRanges:o},settings:{update:s,noAlloc:a}}=this,c=!0;if(s){for(let[l,f]of o)s.call(r,this,{data:e,startRow:l,endRow:f,props:n,numInstances:t});if(this.value)if(this.constant||!this.buffer||this.buffer.byteLength<this.value.byteLength+this.byteOffset){if(this.constant){let l=this.value;this.value=null,this.setConstantValue(r,l)}else this.setData({value:this.value,constant:this.constant});this.constant=!1}else for(let[l,f]of o){let h=Number.isFinite(l)?this.getVertexOffset(l):0,u=Number.isFinite(f)?this.getVertexOffset(f):a||!Number.isFinite(t)?this.value.length:t*this.size;super.updateSubBuffer({startOffset:h,endOffset:u})}this._checkAttributeArray()}else c=!1;return this.clearNeedsUpdate(),this.setNeedsRedraw(),c}setConstantValue(t,e){var n;if(e===void 0||typeof e=="function")return!1;let r=this.isConstant,o=this.settings.transform&&t?this.settings.transform.call(t,e):e,s=this.settings.defaultType;this.state.constantValue=this._normalizeValue(o,new s(this.size),0);let a=this.setData({constant:!0,value:o});if(this.device.type==="webgpu"){let c=this.state.constantValue;this.doublePrecision&&(c instanceof Float32Array||c instanceof Float64Array)&&(c=di(c,{size:this.size}),this.setAccessor({...this.getAccessor(),stride:this.size*2*Float32Array.BYTES_PER_ELEMENT}));let l=this._buffer;(!l||l.byteLength<c.byteLength)&&(l=this._createBuffer(c.byteLength)),l.write(c),(n=this.state).layoutChanged||(n.layoutChanged=!r),this.constant=!1}return a&&this.setNeedsRedraw(),this.clearNeedsUpdate(),!0}getConstantValue(){return this.isConstant?this.state.constantValue:null}setExternalBuffer(t){let{state:e}=this;return t?(this.clearNeedsUpdate(),e.lastExternalBuffer===t||(e.lastExternalBuffer=t,this.setNeedsRedraw(),this.setData(t)),!0):(e.lastExternalBuffer=null,!1)}setBinaryValue(t,e=null){let{state:n,settings:r}=this;if(!t)return n.binaryValue=null,n.binaryAccessor=null,!1;if(r.noAlloc)return!1;if(n.binaryValue===t)return this.clearNeedsUpdate(),!0;if(n.binaryValue=t,this.setNeedsRedraw(),r.transform||e!==this.startIndices){ArrayBuffer.isView(t)&&(t={value:t});let s=t;D(ArrayBuffer.isView(s.value),`invalid ${r.accessor}`);let a=!!s.size&&s.size!==this.size;return n.binaryAccessor=wo(s.value,{size:s.size||this.size,stride:s.stride,offset:s.offset,startIndices:e,nested:a}),!1}return this.clearNeedsUpdate(),this.setData(t),!0}getVertexOffset(t){let{startIndices:e}=this;return(e?t<e.length?e[t]:this.numInstances:t)*this.size}getValue(){let t=this.settings.shaderAttributes,e=super.getValue();if(!t)return e;for(let n in t)Object.assign(e,super.getValue(n,t[n]));return e}getBufferLayout(t){this.state.layoutChanged=!1;let e=this.settings.shaderAttributes,n=super._getBufferLayout(),{stepMode:r}=this.settings;if(r==="dynamic"?n.stepMode=t?t.isInstanced?"instance":"vertex":"instance":n.stepMode=r??"vertex",!e)return n;for(let o in e){let s=super._getBufferLayout(o,e[o]);n.attributes.push(...s.attributes)}return n}_autoUpdater(t,{data:e,startRow:n,endRow:r,props:o,numInstances:s}){let{settings:a,state:c,value:l,size:f,startIndices:h}=t,{accessor:u,transform:d}=a,p=c.binaryAccessor||(typeof u=="function"?u:o[u]);D(typeof p=="function",`accessor "${u}" is not a function`);let g=t.getVertexOffset(n),{iterable:m,objectInfo:v}=ne(e,n,r);for(let _ of m){v.index++;let y=p(_,v);if(d&&(y=d.call(this,y)),h){let x=(v.index<h.length-1?h[v.index+1]:s)-h[v.index];if(y&&Array.isArray(y[0])){let w=g;for(let P of y)t._normalizeValue(P,l,w),w+=f}else y&&y.length>f?l.set(y,g):(t._normalizeValue(y,v.target,0),Wa({target:l,source:v.target,start:g,count:x}));g+=x*f}else t._normalizeValue(y,l,g),g+=f}}_validateAttributeUpdaters(){let{settings:t}=this;if(!(t.noAlloc||typeof t.update=="function"))throw new Error(`Attribute ${this.id} missing update or accessor`)}_checkAttributeArray(){let{value:t}=this,e=Math.min(4,this.size);if(t&&t.length>=e){let n=!0;switch(e){case 4:n=n&&Number.isFinite(t[3]);case 3:n=n&&Number.isFinite(t[2]);case 2:n=n&&Number.isFinite(t[1]);case 1:n=n&&Number.isFinite(t[0]);break;default:n=!1}if(!n)throw new Error(`Illegal attribute generated for ${this.id}`)}}};var In=class i{constructor({id:t,gpuDataEvaluators:e,gpuVector:n,format:r}){L(this,"gpuDataEvaluators");L(this,"format");L(this,"length");L(this,"id");L(this,"_gpuVector");L(this,"_ownsGPUDataEvaluators");L(this,"_destroyed",!1);if(e.length===0)throw new Error("GPUVectorEvaluator requires at least one GPUData evaluator");wv(e),this.id=t,this.gpuDataEvaluators=e,this.format=r??e[0].format,this.length=e.reduce((o,s)=>o+s.length,0),this._gpuVector=n,this._ownsGPUDataEvaluators=!n}static fromGPUVector(t){if(t.bufferLayout)throw new Error(`GPUVectorEvaluator.fromGPUVector() does not accept interleaved vector "${t.name}"`);if(t.data.length===0)throw new Error(`GPUVectorEvaluator.fromGPUVector() requires GPUData for "${t.name}"`);return new i({id:t.name,gpuDataEvaluators:t.data.map(e=>it.fromGPUData(e,{id:t.name})),gpuVector:t,format:t.format})}static fromGPUDataEvaluators(t,e={}){return new i({id:e.id,gpuDataEvaluators:t,format:e.format})}get evaluated(){return!!this._gpuVector}get gpuVector(){if(!this._gpuVector)throw new Error(`${this} not evaluated`);return this._gpuVector}mapGPUData(t){return i.fromGPUDataEvaluators(this.gpuDataEvaluators.map((e,n)=>t(e,n)),{id:this.id})}async evaluate(t,e={}){if(this._destroyed)throw new Error(`GPUVectorEvaluator ${this} already destroyed`);if(this._gpuVector)return this._gpuVector;let n=await Promise.all(this.gpuDataEvaluators.map(a=>a.evaluate(t,e))),r=n[0],o=n.map(cu),s=e.format??this.format??r.format;return this._gpuVector=new ns({type:"data",name:e.name??this.id??"vector",format:s,data:o,stride:r.stride,byteStride:r.byteStride,rowByteLength:r.rowByteLength,bufferLayout:r.bufferLayout}),this._gpuVector}evaluateSync(t,e={}){if(this._destroyed)throw new Error(`GPUVectorEvaluator ${this} already destroyed`);if(this._gpuVector)return this._gpuVector;let n=this.gpuDataEvaluators.map(a=>a.evaluateSync(t,e)),r=n[0],o=n.map(cu),s=e.format??this.format??r.format;return this._gpuVector=new ns({type:"data",name:e.name??this.id??"vector",format:s,data:o,stride:r.stride,byteStride:r.byteStride,rowByteLength:r.rowByteLength,bufferLayout:r.bufferLayout}),this._gpuVector}destroy(){if(this._ownsGPUDataEvaluators)for(let t of this.gpuDataEvaluators)t.destroy();this._gpuVector=void 0,this._destroyed=!0}toString(){return this.id??this.constructor.name}};function wv(i){let t=i[0];for(let e of i.slice(1))if(e.type!==t.type||e.size!==t.size||e.normalized!==t.normalized||e.format!==t.format)throw new Error("GPUVectorEvaluator requires matching GPUData evaluator layouts")}function cu(i){let[t,...e]=i.data;if(!t||e.length>0)throw new Error(`GPUVectorEvaluator requires one GPUData chunk for "${i.name}"`);return t}var ic={};$e(ic,{arithmetic:()=>lu,dot:()=>gu,equalAll:()=>mu,extent:()=>hu,fround:()=>uu,gather:()=>du,interleave:()=>pu,length:()=>yu,segmentedMap:()=>xu,select:()=>vu,sequence:()=>_u,swizzle:()=>Pu});function xi({elementWise:i,func:t,inputs:e,output:n,outputBuffer:r}){let o=Array.isArray(e)?e:Object.values(e);for(let p of o)if(!p.value)throw new Error(`${p} does not have CPU value`);let s=n.length,a=n.size,c=new n.ValueType(s*a);for(let p=0;p<s;p++){let g=o.map(m=>$(m,p));if(i)for(let m=0;m<a;m++)c[p*a+m]=t.apply(null,g.map(v=>v[m]));else t.call(null,c.subarray(p*a,p*a+a),...g)}let l=n.ValueType.BYTES_PER_ELEMENT,f=n.offset/l,h=n.stride/l,u=a,d=c;if(f!==0||h!==u){d=new n.ValueType(f+n.byteLength/l);for(let p=0;p<s;p++){let g=p*u,m=f+p*h,v=c.subarray(g,g+a);d.set(v,m),r.write(v,m*l)}}else r.write(c);return{success:!0,value:d}}function $(i,t){let e=i.value,n=i.size,r=i.offset/i.ValueType.BYTES_PER_ELEMENT,o=i.stride/i.ValueType.BYTES_PER_ELEMENT,s=i.isConstant?0:t,a=r+s*o,c=e.slice(a,a+n);if(!i.normalized)return c;let l=new Float32Array(n);for(let f=0;f<n;f++)l[f]=bv(c[f],i.type);return l}function bv(i,t){switch(t){case"uint8":return i/255;case"uint16":return i/65535;case"uint32":return i/4294967295;case"sint8":return Math.max(i/127,-1);case"sint16":return Math.max(i/32767,-1);case"sint32":return Math.max(i/2147483647,-1);case"float32":return i;default:throw new Error(`Unsupported normalized source type ${t}`)}}var lu=({inputs:i,output:t,target:e})=>{for(let r of Object.values(i.namedInputs))if(!r.value)throw new Error(`${r} does not have CPU value`);let n=new t.ValueType(t.length*t.size);for(let r=0;r<t.length;r++){let o=Object.fromEntries(Object.entries(i.namedInputs).map(([s,a])=>[s,$(a,r)]));for(let s=0;s<t.size;s++)n[r*t.size+s]=fu(i.expression,o,s)}return e.write(n),{success:!0,value:n}};function fu(i,t,e){switch(i.kind){case"input":{let n=t[i.name];return e<n.length?n[e]:n.length===1?n[0]:0}case"literal":return Array.isArray(i.value)?i.value[e]??0:i.value;case"call":{Ev(i.op,i.args.length);let n=i.args.map(r=>fu(r,t,e));switch(i.op){case"add":return n[0]+n[1];case"subtract":return n[0]-n[1];case"multiply":return n[0]*n[1];case"divide":return n[0]/n[1];case"pow":return Math.pow(n[0],n[1]);case"sqrt":return Math.sqrt(n[0]);case"abs":return Math.abs(n[0]);case"sin":return Math.sin(n[0]);case"cos":return Math.cos(n[0]);case"tan":return Math.tan(n[0]);case"exp":return Math.exp(n[0]);case"log":return Math.log(n[0]);default:{let r=i.op;throw new Error(`Unsupported arithmetic op ${r}`)}}}default:{let n=i;throw new Error(`Unsupported expression node ${n.kind}`)}}}function Ev(i,t){let e=Wc[i].arity;if(t!==e)throw new Error(`Arithmetic op '${i}' expects ${e} args, got ${t}`)}var hu=({inputs:i,output:t,target:e})=>{let{sourceValues:n}=i;if(!n.value)throw new Error(`${n} does not have CPU value`);let o=new t.ValueType(t.length*t.size);if(n.length===0)return{success:!1,error:new Error(`${n} is empty`)};for(let s=0;s<n.size;s++){let a=$(n,0)[s],c=s*t.size,l=c+1;o[c]=a,o[l]=a;for(let f=1;f<n.length;f++){let h=$(n,f)[s];h<o[c]&&(o[c]=h),h>o[l]&&(o[l]=h)}}return e.write(o),{success:!0,value:o}};var uu=({inputs:i,output:t,target:e})=>xi({func:(n,r)=>{let o=n.length/2,s=new Float64Array(r.buffer);for(let a=0;a<o;a++){let c=s[a];n[a]=Math.fround(c),n[a+o]=c-n[a]}return n},inputs:i,output:t,outputBuffer:e});var du=async({inputs:i,output:t,target:e})=>{let{ids:n,sourceValues:r}=i,o=n.value,s=r.value;if(!o)throw new Error(`${n} does not have CPU value`);if(!s)throw new Error(`${r} does not have CPU value`);let a=new t.ValueType(t.length*t.size),c=new Array(t.size).fill(0);for(let l=0;l<t.length;l++){let f=$(n,l),h=Number(f[0]),u=Mv(h,r.length)?$(r,h):c;a.set(u,l*t.size)}return e.write(a),{success:!0,value:a}};function Mv(i,t){return Number.isInteger(i)&&i>=0&&i<t}var pu=({inputs:i,output:t,target:e})=>xi({func:(n,...r)=>{let o=0;for(let s of r)n.set(s,o),o+=s.length},inputs:i,output:t,outputBuffer:e});var gu=({inputs:i,output:t,target:e})=>{let{x:n,y:r}=i,o=new t.ValueType(t.length);for(let s=0;s<t.length;s++){let a=$(n,s),c=$(r,s),l=0;for(let f=0;f<n.size;f++)l+=a[f]*c[f];o[s]=l}return e.write(o),{success:!0,value:o}};var mu=({inputs:i,output:t,target:e})=>{let{x:n,y:r}=i,o=new t.ValueType(t.length);for(let s=0;s<t.length;s++){let a=$(n,s),c=$(r,s),l=1;for(let f=0;f<n.size;f++)if(a[f]!==c[f]){l=0;break}o[s]=l}return e.write(o),{success:!0,value:o}};var yu=({inputs:i,output:t,target:e})=>{let{x:n}=i,r=new t.ValueType(t.length);for(let o=0;o<t.length;o++){let s=$(n,o),a=0;for(let c=0;c<n.size;c++)a+=s[c]*s[c];r[o]=Math.sqrt(a)}return e.write(r),{success:!0,value:r}};var xu=async({inputs:i,output:t,target:e})=>{let{segments:n,vertexCount:r}=i,o=n.value;if(!o)throw new Error(`${n} does not have CPU value`);Sv(o,n,r);let s=new t.ValueType(t.length*t.size),a=0;for(let c=0;c<r;c++){for(;a+1<n.length&&o[tc(n,a+1)]<=c;)a++;let l=o[tc(n,a)],f=c*t.size;s[f]=a,s[f+1]=c-l}return e.write(s),{success:!0,value:s}};function Sv(i,t,e){if(t.length<1)throw new Error("segmentedMap segments must contain at least one segment start");let n=0;for(let r=0;r<t.length;r++){let o=i[tc(t,r)];if(r===0&&o!==0)throw new Error(`segmentedMap segments must start at 0, got ${o}`);if(r>0&&o<n)throw new Error(`segmentedMap segments must be non-decreasing, got ${o} after ${n}`);n=o}if(n>e)throw new Error(`segmentedMap last segment start must be <= vertexCount, got ${n} > ${e}`)}function tc(i,t){return i.offset/i.ValueType.BYTES_PER_ELEMENT+t*(i.stride/i.ValueType.BYTES_PER_ELEMENT)}var vu=async({inputs:i,output:t,target:e})=>{let{condition:n,whenTrue:r,whenFalse:o}=i,s=new t.ValueType(t.length*t.size);for(let a=0;a<t.length;a++){let c=$(n,a),l=$(r,a),f=$(o,a);for(let h=0;h<t.size;h++){let u=ec(c,n.size,h);s[a*t.size+h]=u!==0?ec(l,r.size,h):ec(f,o.size,h)}}return e.write(s),{success:!0,value:s}};function ec(i,t,e){return e<t?i[e]:t===1?i[0]:0}var _u=({inputs:i,output:t,target:e})=>{let n=new t.ValueType(t.length);for(let r=0;r<t.length;r++)n[r]=i.start+r*i.step;return e.write(n),{success:!0,value:n}};var Pu=({inputs:i,output:t,target:e})=>{let{columns:n}=i;return xi({func:(r,o)=>{for(let s=0;s<n.length;s++)r[s]=o[n[s]]},inputs:{x:i.x},output:t,outputBuffer:e})};var nc=class{constructor(){L(this,"_modules",{cpu:ic})}add(t,e){let n=this._modules[t];if(typeof e.then=="function"){let o=Promise.all([Promise.resolve(n||{}),e]).then(([s,a])=>({...s,...a}));return this._modules[t]=o,o.then(s=>{this._modules[t]=s}).catch(s=>{ts.error(`Failed to register ${t} backend: ${s}`)()}),o}if(n&&typeof n.then=="function"){let o=Promise.resolve(n).then(s=>({...s,...e})).then(s=>(this._modules[t]=s,s)).catch(s=>{throw ts.error(`Failed to register ${t} backend: ${s}`)(),s});return this._modules[t]=o,o}let r={...n||{},...e};return this._modules[t]=r,Promise.resolve(r)}async get(t,e){let n=this._modules[t];if(!n)if(t==="webgl")n=this.add("webgl",import("./webgl-KIJC4DC5.js"));else if(t==="webgpu")n=this.add("webgpu",import("./webgpu-CI5OSGYY.js"));else throw new Error(`${t} backend not registered`);let o=(await n)[e];if(typeof o!="function")throw new Error(`${t} backend does not implement ${e}`);return o}getSync(t,e){let n=this._modules[t];if(!n)throw new Error(`${t} backend not registered`);if(typeof n.then=="function")throw new Error(`${t} backend is not loaded yet`);let o=n[e];if(typeof o!="function")throw new Error(`${t} backend does not implement ${e}`);return o}clear(){this._modules={}}},vi=new nc;var Eo=class{constructor(t){L(this,"inputs");L(this,"dependencies");this.inputs=t,this.dependencies=Array.from(t instanceof Array?t:Object.values(t)).filter(e=>e instanceof it)}async execute(t,e){return await this._resolveDependencies(t),await this._executeWithHandler(await vi.get(this._getHandlerRegistry(t),this.name),e)}executeSync(t,e){this._resolveDependenciesSync(t);let n=this._executeWithHandler(vi.getSync(this._getHandlerRegistry(t),this.name),e);if(Cv(n))throw new Error(`${this.name} returned a Promise in executeSync()`);return n}shouldExecuteOnCPU(){return this.output.length<=1&&Array.from(this.dependencies).every(t=>!!t.value)}_getHandlerRegistry(t){return this.shouldExecuteOnCPU()?"cpu":t.type}async _resolveDependencies(t){for(let n of this.dependencies)await n.evaluate(t);if(this._getHandlerRegistry(t)==="cpu"||t.type==="null")for(let n of this.dependencies)await n.ensureCPUValue()}_resolveDependenciesSync(t){for(let n of this.dependencies)n.evaluateSync(t);if(this._getHandlerRegistry(t)==="cpu"||t.type==="null")for(let n of this.dependencies)n.ensureCPUValueSync()}_executeWithHandler(t,e){return t({device:e.device,inputs:this.inputs,output:this.output,target:e})}};function Cv(i){return typeof i?.then=="function"}function wu(...i){let t=Tv(i.map(e=>e.type));return t[0]!=="f"&&i.some(e=>e.normalized)&&(t="float32"),{isConstant:i.every(e=>e.isConstant),type:t,size:i.reduce((e,n)=>Math.max(e,n.size),0),length:i.reduce((e,n)=>Math.max(e,n.length),0)}}function Tv(i){let t=0,e=0;for(let n of i){if(n[0]==="f")return"float32";let r=n.endsWith("8")?8:n.endsWith("6")?16:32;n[0]==="u"?t=Math.max(t,r):e=Math.max(e,r)}return t&&!e?`uint${t}`:e&&t<32?`sint${Math.max(e,t*2)}`:"float32"}var rc=class extends Eo{constructor(e){super(e);L(this,"name","interleave");L(this,"output");let{isConstant:n,type:r,length:o}=wu(...e);this.output=new it({isConstant:n,type:r,size:e.reduce((s,a)=>s+a.size,0),length:o,source:this})}toString(){return`_${this.inputs.join("_")}_`}};function oc(...i){if(i.length===0)throw new Error("interleave() requires at least one input");return i.length===1?_r(i[0]):new rc(i.map(_r)).output}function ac(i,t){let e=Av(t);for(let n of e)n.evaluateSync(i);return Lv(e),t}function Lv(i){let t=new Set(i.flatMap(Rv)),e=new Set;for(let n of i)Mo(n,e);for(let n of e)n.evaluated&&!t.has(n.buffer)&&n.destroy()}function Av(i){let t=new Set;return sc(i,t,new Set),Array.from(t)}function sc(i,t,e){if(Ov(i)){t.add(i);return}if(!(!i||typeof i!="object"||e.has(i))){if(e.add(i),Array.isArray(i)){for(let n of i)sc(n,t,e);return}if(Iv(i))for(let n of Object.values(i))sc(n,t,e)}}function Iv(i){let t=Object.getPrototypeOf(i);return t===Object.prototype||t===null}function Mo(i,t){if(i instanceof In){for(let n of i.gpuDataEvaluators)Mo(n,t);return}let e=i.source;if(e){if(e instanceof it){t.has(e)||(t.add(e),Mo(e,t));return}for(let n of e.dependencies)t.has(n)||(t.add(n),Mo(n,t))}}function Rv(i){return i instanceof it?[i.buffer]:i.gpuVector.data.map(t=>t.buffer instanceof Gc?t.buffer.buffer:t.buffer)}function Ov(i){return i instanceof it||i instanceof In}var On=class{constructor(t,{id:e,isTransitionAttribute:n}){this.packedBuffers={},this.device=t,this.id=e,this.isTransitionAttribute=n,this.device.type==="webgpu"&&vi.add("webgpu",{interleave:Yc})}hasGroups(t){return this.device.type==="webgpu"&&Object.values(t).some(e=>!!e.settings.bufferGroup)}finalize(){for(let t of Object.values(this.packedBuffers))t.packed.destroy();this.packedBuffers={}}getBufferLayouts(t,e){let n=this._getPackedGroups(t,e,{requireValues:!1,excludeAttributes:{}});return this._getBufferLayouts(t,n,e)}getBindings(t,e,n,r){let o=this._getPackedGroups(t,n,{requireValues:!0,excludeAttributes:r}),s={},a=new Set;for(let c of o.values()){let l=!this.packedBuffers[c.id]||c.attributes.some(f=>!!e[f.id]);s[c.id]=this._getPackedBuffer(c,l);for(let f of c.attributes)a.add(f.id)}return{bufferLayouts:this._getBufferLayouts(t,o,n).filter(c=>!r[c.name]&&!t[c.name]?.settings.isIndexed),buffers:s,groupedAttributeIds:a}}_getPackedGroups(t,e,{requireValues:n,excludeAttributes:r}){let o=new Map;for(let a of Object.values(t)){let c=a.settings.bufferGroup;if(!c)continue;let l=o.get(c)||[];l.push(a),o.set(c,l)}let s=new Map;for(let[a,c]of o){let l=this._getPackedGroup(a,c,e,n,r);l&&s.set(a,l)}return s}_getPackedGroup(t,e,n,r,o){if(e.length<2)return null;let s=e.map(d=>d.getBufferLayout(n)),a=s[0].stepMode,c=Math.max(1,e[0].numInstances),l=r&&e.every(d=>d.isConstant);for(let d=0;d<e.length;d++){let p=e[d],g=p.getAccessor(),m=g.size*g.bytesPerElement;if(o[p.id]||p.settings.isIndexed||p.settings.noAlloc||p.doublePrecision||this.isTransitionAttribute(p.id)||s[d].stepMode!==a||p.numInstances!==e[0].numInstances||(g.offset||0)!==0||(g.vertexOffset||0)!==0||vt(g)!==m||r&&(p.isConstant?!p.getConstantValue()||p.getConstantValue().byteLength<m:!ArrayBuffer.isView(p.value)||p.value.byteLength<c*m))return null}let f={},h=[],u=0;for(let d=0;d<e.length;d++){let p=e[d];u=bu(u),f[p.id]=u;for(let g of s[d].attributes||[])h.push({...g,byteOffset:u+(g.byteOffset||0)});u+=vt(p.getAccessor())}return u=bu(u),{id:t,attributes:e,byteStride:u,byteOffsets:f,rowCount:c,layout:{name:t,byteStride:l?0:u,stepMode:a,attributes:h}}}_getBufferLayouts(t,e,n){let r=[],o=new Set,s=new Set;for(let a of e.values())for(let c of a.attributes)s.add(c.id);for(let a of Object.values(t)){let c=a.settings.bufferGroup,l=c&&e.get(c);l&&s.has(a.id)?o.has(l.id)||(r.push(l.layout),o.add(l.id)):r.push(a.getBufferLayout(n))}return r}_getPackedBuffer(t,e){let n=JSON.stringify({byteStride:t.layout.byteStride,attributes:t.layout.attributes}),r=this.packedBuffers[t.id];if((!r||r.layoutKey!==n)&&(e=!0),e){r&&(r.packed.destroy(),delete this.packedBuffers[t.id]);let o=this._interleavePackedGroup(t);return this.packedBuffers[t.id]={packed:o,layoutKey:n},o.buffer}if(!r)throw new Error(`Attribute buffer group ${t.id} has no packed buffer`);return r.packed.buffer}_interleavePackedGroup(t){let e=t.attributes.map(r=>this._getInterleaveInput(t,r)),n=oc(...e);return ac(this.device,n),n}_getInterleaveInput(t,e){let n=vt(e.getAccessor()),r=t.byteOffsets[e.id];if(Rn(`${t.id}.${e.id} rowByteLength`,n),Rn(`${t.id}.${e.id} groupByteOffset`,r),e.isConstant){let c=e.getConstantValue();if(!c)throw new Error(`Attribute group ${t.id} is missing constant value ${e.id}`);return Rn(`${t.id}.${e.id} constant byteOffset`,c.byteOffset),new it({id:e.id,type:"uint32",size:n/4,isConstant:!0,value:new Uint32Array(c.buffer,c.byteOffset,n/Uint32Array.BYTES_PER_ELEMENT)})}let o=e.getBuffer(),s=e.byteOffset,a=e.getAccessor().stride||n;if(Rn(`${t.id}.${e.id} byteOffset`,s),Rn(`${t.id}.${e.id} stride`,a),!o)throw new Error(`Attribute group ${t.id} cannot interleave missing buffer ${e.id}`);return new it({id:e.id,type:"uint32",size:n/4,offset:s,stride:a,length:t.rowCount,buffer:o})}};function bu(i){return Math.ceil(i/4)*4}function Rn(i,t){if(t%4!==0)throw new Error(`Attribute buffer groups require 32-bit alignment: ${i}=${t}`)}function cc(i){let{source:t,target:e,start:n=0,size:r,getData:o}=i,s=i.end||e.length,a=t.length,c=s-n;if(a>c){e.set(t.subarray(0,c),n);return}if(e.set(t,n),!o)return;let l=a;for(;l<c;){let f=o(l,t);for(let h=0;h<r;h++)e[n+l]=f[h]||0,l++}}function Eu({source:i,target:t,size:e,getData:n,sourceStartIndices:r,targetStartIndices:o}){if(!r||!o)return cc({source:i,target:t,size:e,getData:n}),t;let s=0,a=0,c=n&&((f,h)=>n(f+a,h)),l=Math.min(r.length,o.length);for(let f=1;f<l;f++){let h=r[f]*e,u=o[f]*e;cc({source:i.subarray(s,h),target:t,start:a,end:u,size:e,getData:c}),s=h,a=u}return a<t.length&&cc({source:[],target:t,start:a,size:e,getData:c}),t}function Mu(i){let{device:t,settings:e,value:n}=i,r=new Fe(t,e);return r.setData({value:n instanceof Float64Array?new Float64Array(0):new Float32Array(0),normalized:e.normalized}),r}function So(i){switch(i){case 1:return"float";case 2:return"vec2";case 3:return"vec3";case 4:return"vec4";default:throw new Error(`No defined attribute type for size "${i}"`)}}function Co(i){switch(i){case 1:return"float32";case 2:return"float32x2";case 3:return"float32x3";case 4:return"float32x4";default:throw new Error("invalid type size")}}function To(i){i.push(i.shift())}function Su(i,t){let{settings:e,value:n,size:r}=i,o=i.isDoublePrecisionBuffer?2:1,s=0,{shaderAttributes:a}=i.settings;if(a)for(let c of Object.values(a))s=Math.max(s,c.vertexOffset??0);return(e.noAlloc?n.length:(t+s)*r)*o}function Lo({device:i,source:t,target:e}){return(!e||e.byteLength<t.byteLength)&&(e?.destroy(),e=i.createBuffer({byteLength:t.byteLength,usage:t.usage})),e}function Ao({device:i,buffer:t,attribute:e,fromLength:n,toLength:r,fromStartIndices:o,getData:s=a=>a}){let a=e.isDoublePrecisionBuffer?2:1,c=e.size*a,l=e.byteOffset,f=e.settings.bytesPerElement<4?l/e.settings.bytesPerElement*4:l,h=e.startIndices,u=o&&h,d=e.isConstant;if(!u&&t&&n>=r)return t;let p=e.value instanceof Float64Array?Float32Array:e.value.constructor,g=d?e.value:new p(e.getBuffer().readSyncWebGL(l,r*p.BYTES_PER_ELEMENT).buffer);if(e.settings.normalized&&!d){let y=s;s=(x,w)=>e.normalizeConstant(y(x,w))}let m=d?(y,x)=>s(g,x):(y,x)=>s(g.subarray(y+l,y+l+c),x),v=t?new Float32Array(t.readSyncWebGL(f,n*4).buffer):new Float32Array(0),_=new Float32Array(r);return Eu({source:v,target:_,sourceStartIndices:o,targetStartIndices:h,size:c,getData:m}),(!t||t.byteLength<_.byteLength+f)&&(t?.destroy(),t=i.createBuffer({byteLength:_.byteLength+f,usage:35050})),t.write(_,f),t}var _i=class{constructor({device:t,attribute:e,timeline:n}){this.buffers=[],this.currentLength=0,this.device=t,this.transition=new Tt(n),this.attribute=e,this.attributeInTransition=Mu(e),this.currentStartIndices=e.startIndices}get inProgress(){return this.transition.inProgress}start(t,e,n=1/0){this.settings=t,this.currentStartIndices=this.attribute.startIndices,this.currentLength=Su(this.attribute,e),this.transition.start({...t,duration:n})}update(){let t=this.transition.update();return t&&this.onUpdate(),t}setBuffer(t){let{stride:e}=this.attributeInTransition.getAccessor();this.attributeInTransition.setData({buffer:t,normalized:this.attribute.settings.normalized,value:this.attributeInTransition.value,stride:e})}cancel(){this.transition.cancel()}delete(){this.cancel();for(let t of this.buffers)t.destroy();this.buffers.length=0}};var kn=class extends _i{constructor({device:t,attribute:e,timeline:n}){super({device:t,attribute:e,timeline:n}),this.type="interpolation",this.transform=Nv(t,e)}start(t,e){let n=this.currentLength,r=this.currentStartIndices;if(super.start(t,e,t.duration),t.duration<=0){this.transition.cancel();return}let{buffers:o,attribute:s}=this;To(o),o[0]=Ao({device:this.device,buffer:o[0],attribute:s,fromLength:n,toLength:this.currentLength,fromStartIndices:r,getData:t.enter}),o[1]=Lo({device:this.device,source:o[0],target:o[1]}),this.setBuffer(o[1]);let{transform:a}=this,c=a.model,l=Math.floor(this.currentLength/s.size);Tu(s)&&(l/=2),c.setVertexCount(l),s.isConstant?(c.setAttributes({aFrom:o[0]}),c.setConstantAttributes({aTo:s.value})):c.setAttributes({aFrom:o[0],aTo:s.getBuffer()}),a.transformFeedback.setBuffers({vCurrent:o[1]})}onUpdate(){let{duration:t,easing:e}=this.settings,{time:n}=this.transition,r=n/t;e&&(r=e(r));let{model:o}=this.transform,s={time:r};o.shaderInputs.setProps({interpolation:s}),this.transform.run({discard:!0})}delete(){super.delete(),this.transform.destroy()}},kv=`layout(std140) uniform interpolationUniforms {
  float time;
} interpolation;
`,Cu={name:"interpolation",vs:kv,uniformTypes:{time:"f32"}},Dv=`#version 300 es
#define SHADER_NAME interpolation-transition-vertex-shader

in ATTRIBUTE_TYPE aFrom;
in ATTRIBUTE_TYPE aTo;
out ATTRIBUTE_TYPE vCurrent;

void main(void) {
  vCurrent = mix(aFrom, aTo, interpolation.time);
  gl_Position = vec4(0.0);
}
`,zv=`#version 300 es
#define SHADER_NAME interpolation-transition-vertex-shader

in ATTRIBUTE_TYPE aFrom;
in ATTRIBUTE_TYPE aFrom64Low;
in ATTRIBUTE_TYPE aTo;
in ATTRIBUTE_TYPE aTo64Low;
out ATTRIBUTE_TYPE vCurrent;
out ATTRIBUTE_TYPE vCurrent64Low;

vec2 mix_fp64(vec2 a, vec2 b, float x) {
  vec2 range = sub_fp64(b, a);
  return sum_fp64(a, mul_fp64(range, vec2(x, 0.0)));
}

void main(void) {
  for (int i=0; i<ATTRIBUTE_SIZE; i++) {
    vec2 value = mix_fp64(vec2(aFrom[i], aFrom64Low[i]), vec2(aTo[i], aTo64Low[i]), interpolation.time);
    vCurrent[i] = value.x;
    vCurrent64Low[i] = value.y;
  }
  gl_Position = vec4(0.0);
}
`;function Tu(i){return i.isDoublePrecisionBuffer}function Nv(i,t){let e=t.size,n=So(e),r=Co(e),o=t.getBufferLayout();return Tu(t)?new Ii(i,{vs:zv,bufferLayout:[{name:"aFrom",byteStride:8*e,attributes:[{attribute:"aFrom",format:r,byteOffset:0},{attribute:"aFrom64Low",format:r,byteOffset:4*e}]},{name:"aTo",byteStride:8*e,attributes:[{attribute:"aTo",format:r,byteOffset:0},{attribute:"aTo64Low",format:r,byteOffset:4*e}]}],modules:[Uc,Cu],defines:{ATTRIBUTE_TYPE:n,ATTRIBUTE_SIZE:e},moduleSettings:{},varyings:["vCurrent","vCurrent64Low"],bufferMode:35980,disableWarnings:!0}):new Ii(i,{vs:Dv,bufferLayout:[{name:"aFrom",format:r},{name:"aTo",format:o.attributes[0].format}],modules:[Cu],defines:{ATTRIBUTE_TYPE:n},varyings:["vCurrent"],disableWarnings:!0})}var Dn=class extends _i{constructor({device:t,attribute:e,timeline:n}){super({device:t,attribute:e,timeline:n}),this.type="spring",this.texture=Gv(t),this.framebuffer=Wv(t,this.texture),this.transform=Fv(t,e)}start(t,e){let n=this.currentLength,r=this.currentStartIndices;super.start(t,e);let{buffers:o,attribute:s}=this;for(let c=0;c<2;c++)o[c]=Ao({device:this.device,buffer:o[c],attribute:s,fromLength:n,toLength:this.currentLength,fromStartIndices:r,getData:t.enter});o[2]=Lo({device:this.device,source:o[0],target:o[2]}),this.setBuffer(o[1]);let{model:a}=this.transform;a.setVertexCount(Math.floor(this.currentLength/s.size)),s.isConstant?a.setConstantAttributes({aTo:s.value}):a.setAttributes({aTo:s.getBuffer()})}onUpdate(){let{buffers:t,transform:e,framebuffer:n,transition:r}=this,o=this.settings;e.model.setAttributes({aPrev:t[0],aCur:t[1]}),e.transformFeedback.setBuffers({vNext:t[2]});let s={stiffness:o.stiffness,damping:o.damping};e.model.shaderInputs.setProps({spring:s}),e.run({framebuffer:n,discard:!1,parameters:{viewport:[0,0,1,1]},clearColor:[0,0,0,0]}),To(t),this.setBuffer(t[1]),this.device.readPixelsToArrayWebGL(n)[0]>0||r.end()}delete(){super.delete(),this.transform.destroy(),this.texture.destroy(),this.framebuffer.destroy()}},Bv=`layout(std140) uniform springUniforms {
  float damping;
  float stiffness;
} spring;
`,jv={name:"spring",vs:Bv,uniformTypes:{damping:"f32",stiffness:"f32"}},Vv=`#version 300 es
#define SHADER_NAME spring-transition-vertex-shader

#define EPSILON 0.00001

in ATTRIBUTE_TYPE aPrev;
in ATTRIBUTE_TYPE aCur;
in ATTRIBUTE_TYPE aTo;
out ATTRIBUTE_TYPE vNext;
out float vIsTransitioningFlag;

ATTRIBUTE_TYPE getNextValue(ATTRIBUTE_TYPE cur, ATTRIBUTE_TYPE prev, ATTRIBUTE_TYPE dest) {
  ATTRIBUTE_TYPE velocity = cur - prev;
  ATTRIBUTE_TYPE delta = dest - cur;
  ATTRIBUTE_TYPE force = delta * spring.stiffness;
  ATTRIBUTE_TYPE resistance = velocity * spring.damping;
  return force - resistance + velocity + cur;
}

void main(void) {
  bool isTransitioning = length(aCur - aPrev) > EPSILON || length(aTo - aCur) > EPSILON;
  vIsTransitioningFlag = isTransitioning ? 1.0 : 0.0;

  vNext = getNextValue(aCur, aPrev, aTo);
  gl_Position = vec4(0, 0, 0, 1);
  gl_PointSize = 100.0;
}
`,Uv=`#version 300 es
#define SHADER_NAME spring-transition-is-transitioning-fragment-shader

in float vIsTransitioningFlag;

out vec4 fragColor;

void main(void) {
  if (vIsTransitioningFlag == 0.0) {
    discard;
  }
  fragColor = vec4(1.0);
}`;function Fv(i,t){let e=So(t.size),n=Co(t.size);return new Ii(i,{vs:Vv,fs:Uv,bufferLayout:[{name:"aPrev",format:n},{name:"aCur",format:n},{name:"aTo",format:t.getBufferLayout().attributes[0].format}],varyings:["vNext"],modules:[jv],defines:{ATTRIBUTE_TYPE:e},parameters:{depthCompare:"always",blendColorOperation:"max",blendColorSrcFactor:"one",blendColorDstFactor:"one",blendAlphaOperation:"max",blendAlphaSrcFactor:"one",blendAlphaDstFactor:"one"}})}function Gv(i){return i.createTexture({data:new Uint8Array(4),format:"rgba8unorm",width:1,height:1})}function Wv(i,t){return i.createFramebuffer({id:"spring-transition-is-transitioning-framebuffer",width:1,height:1,colorAttachments:[t]})}var Yv={interpolation:kn,spring:Dn},zn=class{constructor(t,{id:e,timeline:n}){if(!t)throw new Error("AttributeTransitionManager is constructed without device");this.id=e,this.device=t,this.timeline=n,this.transitions={},this.needsRedraw=!1,this.numInstances=1}finalize(){for(let t in this.transitions)this._removeTransition(t)}update({attributes:t,transitions:e,numInstances:n}){this.numInstances=n||1;for(let r in t){let o=t[r],s=o.getTransitionSetting(e);s&&this._updateAttribute(r,o,s)}for(let r in this.transitions){let o=t[r];(!o||!o.getTransitionSetting(e))&&this._removeTransition(r)}}hasAttribute(t){let e=this.transitions[t];return e&&e.inProgress}getAttributes(){let t={};for(let e in this.transitions){let n=this.transitions[e];n.inProgress&&(t[e]=n.attributeInTransition)}return t}run(){if(this.numInstances===0)return!1;for(let e in this.transitions)this.transitions[e].update()&&(this.needsRedraw=!0);let t=this.needsRedraw;return this.needsRedraw=!1,t}_removeTransition(t){this.transitions[t].delete(),delete this.transitions[t]}_updateAttribute(t,e,n){let r=this.transitions[t],o=!r||r.type!==n.type;if(o){r&&this._removeTransition(t);let s=Yv[n.type];s?this.transitions[t]=new s({attribute:e,timeline:this.timeline,device:this.device}):(I.error(`unsupported transition type '${n.type}'`)(),o=!1)}(o||e.needsRedraw())&&(this.needsRedraw=!0,this.transitions[t].start(n,this.numInstances))}};var Lu="attributeManager.invalidate",$v="attributeManager.updateStart",Hv="attributeManager.updateEnd",Zv="attribute.updateStart",qv="attribute.allocate",Xv="attribute.updateEnd",Nn=class{constructor(t,{id:e="attribute-manager",stats:n,timeline:r}={}){this.mergeBoundsMemoized=Vt(Bh),this.id=e,this.device=t,this.attributes={},this.updateTriggers={},this.needsRedraw=!0,this.userData={},this.stats=n,this.attributeTransitionManager=new zn(t,{id:`${e}-transitions`,timeline:r}),this.attributeBufferGroups=t.type==="webgpu"?new On(t,{id:e,isTransitionAttribute:o=>this.attributeTransitionManager.hasAttribute(o)}):null,Object.seal(this)}finalize(){this.attributeBufferGroups?.finalize();for(let t in this.attributes)this.attributes[t].delete();this.attributeTransitionManager.finalize()}getNeedsRedraw(t={clearRedrawFlags:!1}){let e=this.needsRedraw;return this.needsRedraw=this.needsRedraw&&!t.clearRedrawFlags,e&&this.id}setNeedsRedraw(){this.needsRedraw=!0}add(t){this._add(t)}addInstanced(t){this._add(t,{stepMode:"instance"})}remove(t){for(let e of t)this.attributes[e]!==void 0&&(this.attributes[e].delete(),delete this.attributes[e])}invalidate(t,e){let n=this._invalidateTrigger(t,e);G(Lu,this,t,n)}invalidateAll(t){for(let e in this.attributes)this.attributes[e].setNeedsUpdate(e,t);G(Lu,this,"all")}update({data:t,numInstances:e,startIndices:n=null,transitions:r,props:o={},buffers:s={},context:a={}}){let c=!1;G($v,this),this.stats&&this.stats.get("Update Attributes").timeStart();for(let l in this.attributes){let f=this.attributes[l],h=f.settings.accessor;f.startIndices=n,f.numInstances=e,o[l]&&I.removed(`props.${l}`,`data.attributes.${l}`)(),f.setExternalBuffer(s[l])||f.setBinaryValue(typeof h=="string"?s[h]:void 0,t.startIndices)||typeof h=="string"&&!s[h]&&f.setConstantValue(a,o[h])||f.needsUpdate()&&(c=!0,this._updateAttribute({attribute:f,numInstances:e,data:t,props:o,context:a})),this.needsRedraw=this.needsRedraw||f.needsRedraw()}c&&G(Hv,this,e),this.stats&&(this.stats.get("Update Attributes").timeEnd(),c&&this.stats.get("Attributes updated").incrementCount()),this.attributeTransitionManager.update({attributes:this.attributes,numInstances:e,transitions:r})}updateTransition(){let{attributeTransitionManager:t}=this,e=t.run();return this.needsRedraw=this.needsRedraw||e,e}getAttributes(){return{...this.attributes,...this.attributeTransitionManager.getAttributes()}}getBounds(t){let e=t.map(n=>this.attributes[n]?.getBounds());return this.mergeBoundsMemoized(e)}getChangedAttributes(t={clearChangedFlags:!1}){let{attributes:e,attributeTransitionManager:n}=this,r={...n.getAttributes()};for(let o in e){let s=e[o];s.needsRedraw(t)&&!n.hasAttribute(o)&&(r[o]=s)}return r}getBufferLayouts(t){return this.hasBufferGroups()?this.attributeBufferGroups.getBufferLayouts(this.getAttributes(),t):Object.values(this.getAttributes()).map(e=>e.getBufferLayout(t))}hasBufferGroups(){return!!this.attributeBufferGroups?.hasGroups(this.attributes)}getBufferGroupBindings(t,e,n={}){return this.attributeBufferGroups?this.attributeBufferGroups.getBindings(this.getAttributes(),t,e,n):{bufferLayouts:this.getBufferLayouts(e),buffers:{},groupedAttributeIds:new Set}}_add(t,e){for(let n in t){let r=t[n],o={...r,id:n,size:r.isIndexed&&1||r.size||1,...e};this.attributes[n]=new Fe(this.device,o)}this._mapUpdateTriggersToAttributes()}_mapUpdateTriggersToAttributes(){let t={};for(let e in this.attributes)this.attributes[e].getUpdateTriggers().forEach(r=>{t[r]||(t[r]=[]),t[r].push(e)});this.updateTriggers=t}_invalidateTrigger(t,e){let{attributes:n,updateTriggers:r}=this,o=r[t];return o&&o.forEach(s=>{let a=n[s];a&&a.setNeedsUpdate(a.id,e)}),o}_updateAttribute(t){let{attribute:e,numInstances:n}=t;if(G(Zv,e),e.constant){e.setConstantValue(t.context,e.value);return}e.allocate(n)&&G(qv,e,n),e.updateBuffer(t)&&(this.needsRedraw=!0,G(Xv,e,n))}};var Bn=class extends Tt{get value(){return this._value}_onUpdate(){let{time:t,settings:{fromValue:e,toValue:n,duration:r,easing:o}}=this,s=o(t/r);this._value=Se(e,n,s)}};var Au=1e-5;function Iu(i,t,e,n,r){let o=t-i,a=(e-t)*r,c=-o*n;return a+c+o+t}function Kv(i,t,e,n,r){if(Array.isArray(e)){let o=[];for(let s=0;s<e.length;s++)o[s]=Iu(i[s],t[s],e[s],n,r);return o}return Iu(i,t,e,n,r)}function Ru(i,t){if(Array.isArray(i)){let e=0;for(let n=0;n<i.length;n++){let r=i[n]-t[n];e+=r*r}return Math.sqrt(e)}return Math.abs(i-t)}var jn=class extends Tt{get value(){return this._currValue}_onUpdate(){let{fromValue:t,toValue:e,damping:n,stiffness:r}=this.settings,{_prevValue:o=t,_currValue:s=t}=this,a=Kv(o,s,e,n,r),c=Ru(a,e),l=Ru(a,s);c<Au&&l<Au&&(a=e,this.end()),this._prevValue=s,this._currValue=a}};var Jv={interpolation:Bn,spring:jn},Vn=class{constructor(t){this.transitions=new Map,this.timeline=t}get active(){return this.transitions.size>0}add(t,e,n,r){let{transitions:o}=this;if(o.has(t)){let c=o.get(t),{value:l=c.settings.fromValue}=c;e=l,this.remove(t)}if(r=bo(r),!r)return;let s=Jv[r.type];if(!s){I.error(`unsupported transition type '${r.type}'`)();return}let a=new s(this.timeline);a.start({...r,fromValue:e,toValue:n}),o.set(t,a)}remove(t){let{transitions:e}=this;e.has(t)&&(e.get(t).cancel(),e.delete(t))}update(){let t={};for(let[e,n]of this.transitions)n.update(),t[e]=n.value,n.inProgress||this.remove(e);return t}clear(){for(let t of this.transitions.keys())this.remove(t)}};function ku(i){let t=i[yt];for(let e in t){let n=t[e],{validate:r}=n;if(r&&!r(i[e],n))throw new Error(`Invalid prop ${e}: ${i[e]}`)}}function Du(i,t){let e=zu({newProps:i,oldProps:t,propTypes:i[yt],ignoreProps:{data:null,updateTriggers:null,extensions:null,transitions:null}}),n=t_(i,t),r=!1;return n||(r=e_(i,t)),{dataChanged:n,propsChanged:e,updateTriggersChanged:r,extensionsChanged:i_(i,t),transitionsChanged:Qv(i,t)}}function Qv(i,t){if(!i.transitions)return!1;let e={},n=i[yt],r=!1;for(let o in i.transitions){let s=n[o],a=s&&s.type;(a==="number"||a==="color"||a==="array")&&lc(i[o],t[o],s)&&(e[o]=!0,r=!0)}return r?e:!1}function zu({newProps:i,oldProps:t,ignoreProps:e={},propTypes:n={},triggerName:r="props"}){if(t===i)return!1;if(typeof i!="object"||i===null)return`${r} changed shallowly`;if(typeof t!="object"||t===null)return`${r} changed shallowly`;for(let o of Object.keys(i))if(!(o in e)){if(!(o in t))return`${r}.${o} added`;let s=lc(i[o],t[o],n[o]);if(s)return`${r}.${o} ${s}`}for(let o of Object.keys(t))if(!(o in e)){if(!(o in i))return`${r}.${o} dropped`;if(!Object.hasOwnProperty.call(i,o)){let s=lc(i[o],t[o],n[o]);if(s)return`${r}.${o} ${s}`}}return!1}function lc(i,t,e){let n=e&&e.equal;return n&&!n(i,t,e)||!n&&(n=i&&t&&i.equals,n&&!n.call(i,t))?"changed deeply":!n&&t!==i?"changed shallowly":null}function t_(i,t){if(t===null)return"oldProps is null, initial diff";let e=!1,{dataComparator:n,_dataDiff:r}=i;return n?n(i.data,t.data)||(e="Data comparator detected a change"):i.data!==t.data&&(e="A new data container was supplied"),e&&r&&(e=r(i.data,t.data)||e),e}function e_(i,t){if(t===null)return{all:!0};if("all"in i.updateTriggers&&Ou(i,t,"all"))return{all:!0};let e={},n=!1;for(let r in i.updateTriggers)r!=="all"&&Ou(i,t,r)&&(e[r]=!0,n=!0);return n?e:!1}function i_(i,t){if(t===null)return!0;let e=t.extensions,{extensions:n}=i;if(n===e)return!1;if(!e||!n||n.length!==e.length)return!0;for(let r=0;r<n.length;r++)if(!n[r].equals(e[r]))return!0;return!1}function Ou(i,t,e){let n=i.updateTriggers[e];n=n??{};let r=t.updateTriggers[e];return r=r??{},zu({oldProps:r,newProps:n,triggerName:e})}var n_="count(): argument not an object",r_="count(): argument not a container";function Nu(i){if(!s_(i))throw new Error(n_);if(typeof i.count=="function")return i.count();if(Number.isFinite(i.size))return i.size;if(Number.isFinite(i.length))return i.length;if(o_(i))return Object.keys(i).length;throw new Error(r_)}function o_(i){return i!==null&&typeof i=="object"&&i.constructor===Object}function s_(i){return i!==null&&typeof i=="object"}function fc(i,t){if(!t)return i;let e={...i,...t};if("defines"in t&&(e.defines={...i.defines,...t.defines}),"modules"in t&&(e.modules=(i.modules||[]).concat(t.modules),t.modules.some(n=>n.name==="project64"))){let n=e.modules.findIndex(r=>r.name==="project32");n>=0&&e.modules.splice(n,1)}if("inject"in t)if(!i.inject)e.inject=t.inject;else{let n={...i.inject};for(let r in t.inject)n[r]=(n[r]||"")+t.inject[r];e.inject=n}return e}var a_={minFilter:"linear",mipmapFilter:"linear",magFilter:"linear",addressModeU:"clamp-to-edge",addressModeV:"clamp-to-edge"},hc={};function Bu(i,t,e,n){if(e instanceof oe)return e;e.constructor&&e.constructor.name!=="Object"&&(e={data:e});let r=null;e.compressed&&(r={minFilter:"linear",mipmapFilter:e.data.length>1?"nearest":"linear"});let{width:o,height:s}=e.data,a=t.createTexture({...e,sampler:{...a_,...r,...n},mipLevels:t.getMipLevelCount(o,s)});return t.type==="webgl"?a.generateMipmapsWebGL():t.type==="webgpu"&&t.generateMipmapsWebGPU(a),hc[a.id]=i,a}function ju(i,t){!t||!(t instanceof oe)||hc[t.id]===i&&(t.delete(),delete hc[t.id])}var c_={boolean:{validate(i,t){return!0},equal(i,t,e){return!!i==!!t}},number:{validate(i,t){return Number.isFinite(i)&&(!("max"in t)||i<=t.max)&&(!("min"in t)||i>=t.min)}},color:{validate(i,t){return t.optional&&!i||uc(i)&&(i.length===3||i.length===4)},equal(i,t,e){return W(i,t,1)}},accessor:{validate(i,t){let e=Io(i);return e==="function"||e===Io(t.value)},equal(i,t,e){return typeof t=="function"?!0:W(i,t,1)}},array:{validate(i,t){return t.optional&&!i||uc(i)},equal(i,t,e){let{compare:n}=e,r=Number.isInteger(n)?n:n?1:0;return n?W(i,t,r):i===t}},object:{equal(i,t,e){if(e.ignore)return!0;let{compare:n}=e,r=Number.isInteger(n)?n:n?1:0;return n?W(i,t,r):i===t}},function:{validate(i,t){return t.optional&&!i||typeof i=="function"},equal(i,t,e){return!e.compare&&e.ignore!==!1||i===t}},data:{transform:(i,t,e)=>{if(!i)return i;let{dataTransform:n}=e.props;return n?n(i):typeof i.shape=="string"&&i.shape.endsWith("-table")&&Array.isArray(i.data)?i.data:i}},image:{transform:(i,t,e)=>{let n=e.context;return!n||!n.device?null:Bu(e.id,n.device,i,{...t.parameters,...e.props.textureParameters})},release:(i,t,e)=>{ju(e.id,i)}}};function Vu(i){let t={},e={},n={};for(let[r,o]of Object.entries(i)){let s=o?.deprecatedFor;if(s)n[r]=Array.isArray(s)?s:[s];else{let a=l_(r,o);t[r]=a,e[r]=a.value}}return{propTypes:t,defaultProps:e,deprecatedProps:n}}function l_(i,t){switch(Io(t)){case"object":return Un(i,t);case"array":return Un(i,{type:"array",value:t,compare:!1});case"boolean":return Un(i,{type:"boolean",value:t});case"number":return Un(i,{type:"number",value:t});case"function":return Un(i,{type:"function",value:t,compare:!0});default:return{name:i,type:"unknown",value:t}}}function Un(i,t){return"type"in t?{name:i,...c_[t.type],...t}:"value"in t?{name:i,type:Io(t.value),...t}:{name:i,type:"object",value:t}}function uc(i){return Array.isArray(i)||ArrayBuffer.isView(i)}function Io(i){return uc(i)?"array":i===null?"null":typeof i}function Uu(i,t){let e;for(let o=t.length-1;o>=0;o--){let s=t[o];"extensions"in s&&(e=s.extensions)}let n=dc(i.constructor,e),r=Object.create(n);r[gi]=i,r[Gt]={},r[Ct]={};for(let o=0;o<t.length;++o){let s=t[o];for(let a in s)r[a]=s[a]}return Object.freeze(r),r}var f_="_mergedDefaultProps";function dc(i,t){if(!(i instanceof Ro.constructor))return{};let e=f_;if(t)for(let r of t){let o=r.constructor;o&&(e+=`:${o.extensionName||o.name}`)}let n=Fu(i,e);return n||(i[e]=h_(i,t||[]))}function h_(i,t){if(!i.prototype)return null;let n=Object.getPrototypeOf(i),r=dc(n),o=Fu(i,"defaultProps")||{},s=Vu(o),a=Object.assign(Object.create(null),r,s.defaultProps),c=Object.assign(Object.create(null),r?.[yt],s.propTypes),l=Object.assign(Object.create(null),r?.[uo],s.deprecatedProps);for(let f of t){let h=dc(f.constructor);h&&(Object.assign(a,h),Object.assign(c,h[yt]),Object.assign(l,h[uo]))}return u_(a,i),p_(a,c),d_(a,l),a[yt]=c,a[uo]=l,t.length===0&&!pc(i,"_propTypes")&&(i._propTypes=c),a}function u_(i,t){let e=m_(t);Object.defineProperties(i,{id:{writable:!0,value:e}})}function d_(i,t){for(let e in t)Object.defineProperty(i,e,{enumerable:!1,set(n){let r=`${this.id}: ${e}`;for(let o of t[e])pc(this,o)||(this[o]=n);I.deprecated(r,t[e].join("/"))()}})}function p_(i,t){let e={},n={};for(let r in t){let o=t[r],{name:s,value:a}=o;o.async&&(e[s]=a,n[s]=g_(s))}i[Qt]=e,i[Gt]={},Object.defineProperties(i,n)}function g_(i){return{enumerable:!0,set(t){typeof t=="string"||t instanceof Promise||Po(t)?this[Gt][i]=t:this[Ct][i]=t},get(){if(this[Ct]){if(i in this[Ct])return this[Ct][i]||this[Qt][i];if(i in this[Gt]){let t=this[gi]&&this[gi].internalState;if(t&&t.hasAsyncProp(i))return t.getAsyncProp(i)||this[Qt][i]}}return this[Qt][i]}}}function pc(i,t){return Object.prototype.hasOwnProperty.call(i,t)}function Fu(i,t){return pc(i,t)&&i[t]}function m_(i){let t=i.componentName;return t||I.warn(`${i.name}.componentName not specified`)(),t||i.name}var y_=0,Fn=class{constructor(...t){this.props=Uu(this,t),this.id=this.props.id,this.count=y_++}clone(t){let{props:e}=this,n={};for(let r in e[Qt])r in e[Ct]?n[r]=e[Ct][r]:r in e[Gt]&&(n[r]=e[Gt][r]);return new this.constructor({...e,...n,...t})}};Fn.componentName="Component";Fn.defaultProps={};var Ro=Fn;var x_=Object.freeze({}),Gn=class{constructor(t){this.component=t,this.asyncProps={},this.onAsyncPropUpdated=()=>{},this.oldProps=null,this.oldAsyncProps=null}finalize(){for(let t in this.asyncProps){let e=this.asyncProps[t];e&&e.type&&e.type.release&&e.type.release(e.resolvedValue,e.type,this.component)}this.asyncProps={},this.component=null,this.resetOldProps()}getOldProps(){return this.oldAsyncProps||this.oldProps||x_}resetOldProps(){this.oldAsyncProps=null,this.oldProps=this.component?this.component.props:null}hasAsyncProp(t){return t in this.asyncProps}getAsyncProp(t){let e=this.asyncProps[t];return e&&e.resolvedValue}isAsyncPropLoading(t){if(t){let e=this.asyncProps[t];return!!(e&&e.pendingLoadCount>0&&e.pendingLoadCount!==e.resolvedLoadCount)}for(let e in this.asyncProps)if(this.isAsyncPropLoading(e))return!0;return!1}reloadAsyncProp(t,e){this._watchPromise(t,Promise.resolve(e))}setAsyncProps(t){this.component=t[gi]||this.component;let e=t[Ct]||{},n=t[Gt]||t,r=t[Qt]||{};for(let o in e){let s=e[o];this._createAsyncPropData(o,r[o]),this._updateAsyncProp(o,s),e[o]=this.getAsyncProp(o)}for(let o in n){let s=n[o];this._createAsyncPropData(o,r[o]),this._updateAsyncProp(o,s)}}_fetch(t,e){return null}_onResolve(t,e){}_onError(t,e){}_updateAsyncProp(t,e){if(this._didAsyncInputValueChange(t,e)){if(typeof e=="string"&&(e=this._fetch(t,e)),e instanceof Promise){this._watchPromise(t,e);return}if(Po(e)){this._resolveAsyncIterable(t,e);return}this._setPropValue(t,e)}}_freezeAsyncOldProps(){if(!this.oldAsyncProps&&this.oldProps){this.oldAsyncProps=Object.create(this.oldProps);for(let t in this.asyncProps)Object.defineProperty(this.oldAsyncProps,t,{enumerable:!0,value:this.oldProps[t]})}}_didAsyncInputValueChange(t,e){let n=this.asyncProps[t];return e===n.resolvedValue||e===n.lastValue?!1:(n.lastValue=e,!0)}_setPropValue(t,e){this._freezeAsyncOldProps();let n=this.asyncProps[t];n&&(e=this._postProcessValue(n,e),n.resolvedValue=e,n.pendingLoadCount++,n.resolvedLoadCount=n.pendingLoadCount)}_setAsyncPropValue(t,e,n){let r=this.asyncProps[t];r&&n>=r.resolvedLoadCount&&e!==void 0&&(this._freezeAsyncOldProps(),r.resolvedValue=e,r.resolvedLoadCount=n,this.onAsyncPropUpdated(t,e))}_watchPromise(t,e){let n=this.asyncProps[t];if(n){n.pendingLoadCount++;let r=n.pendingLoadCount;e.then(o=>{this.component&&(o=this._postProcessValue(n,o),this._setAsyncPropValue(t,o,r),this._onResolve(t,o))}).catch(o=>{this._onError(t,o)})}}async _resolveAsyncIterable(t,e){if(t!=="data"){this._setPropValue(t,e);return}let n=this.asyncProps[t];if(!n)return;n.pendingLoadCount++;let r=n.pendingLoadCount,o=[],s=0;for await(let a of e){if(!this.component)return;let{dataTransform:c}=this.component.props;c?o=c(a,o):o=o.concat(a),Object.defineProperty(o,"__diff",{enumerable:!1,value:[{startRow:s,endRow:o.length}]}),s=o.length,this._setAsyncPropValue(t,o,r)}this._onResolve(t,o)}_postProcessValue(t,e){let n=t.type;return n&&this.component&&(n.release&&n.release(t.resolvedValue,n,this.component),n.transform)?n.transform(e,n,this.component):e}_createAsyncPropData(t,e){if(!this.asyncProps[t]){let r=this.component&&this.component.props[yt];this.asyncProps[t]={type:r&&r[t],lastValue:null,resolvedValue:e,pendingLoadCount:0,resolvedLoadCount:0}}}};var Wn=class extends Gn{constructor({attributeManager:t,layer:e}){super(e),this.attributeManager=t,this.needsRedraw=!0,this.needsUpdate=!0,this.subLayers=null,this.usesPickingColorCache=!1,this.disabledPickingIndices=[]}get layer(){return this.component}_fetch(t,e){let n=this.layer,r=n?.props.fetch;return r?r(e,{propName:t,layer:n}):super._fetch(t,e)}_onResolve(t,e){let n=this.layer;if(n){let r=n.props.onDataLoad;t==="data"&&r&&r(e,{propName:t,layer:n})}}_onError(t,e){let n=this.layer;n&&n.raiseError(e,`loading ${t} of ${this.layer}`)}};var v_="layer.changeFlag",__="layer.initialize",P_="layer.update",w_="layer.finalize",b_="layer.matched",Gu=2**24-1,E_=Object.freeze([]),M_=Vt(({oldViewport:i,viewport:t})=>i.equals(t)),_t=new Uint8ClampedArray(0);function Wu(i){return i.rowIndexes||i.pickingColors||i.instancePickingColors}function gc(i){return i.rowIndexes}function mc(i){return i.pickingColors||i.instancePickingColors}var S_={data:{type:"data",value:E_,async:!0},dataComparator:{type:"function",value:null,optional:!0},_dataDiff:{type:"function",value:i=>i&&i.__diff,optional:!0},dataTransform:{type:"function",value:null,optional:!0},onDataLoad:{type:"function",value:null,optional:!0},onError:{type:"function",value:null,optional:!0},fetch:{type:"function",value:(i,{propName:t,layer:e,loaders:n,loadOptions:r,signal:o})=>{let{resourceManager:s}=e.context;r=r||e.getLoadOptions(),n=n||e.props.loaders,o&&(r={...r,core:{...r?.core,fetch:{...r?.core?.fetch,signal:o}}});let a=s.contains(i);return!a&&!r&&(s.add({resourceId:i,data:fe(i,n),persistent:!1}),a=!0),a?s.subscribe({resourceId:i,onChange:c=>e.internalState?.reloadAsyncProp(t,c),consumerId:e.id,requestId:t}):fe(i,n,r)}},updateTriggers:{},visible:!0,pickable:!1,opacity:{type:"number",min:0,max:1,value:1},operation:"draw",onHover:{type:"function",value:null,optional:!0},onClick:{type:"function",value:null,optional:!0},onDragStart:{type:"function",value:null,optional:!0},onDrag:{type:"function",value:null,optional:!0},onDragEnd:{type:"function",value:null,optional:!0},coordinateSystem:"default",coordinateOrigin:{type:"array",value:[0,0,0],compare:!0},modelMatrix:{type:"array",value:null,compare:!0,optional:!0},wrapLongitude:!1,positionFormat:"XYZ",colorFormat:"RGBA",parameters:{type:"object",value:{},optional:!0,compare:2},loadOptions:{type:"object",value:null,optional:!0,ignore:!0},transitions:null,extensions:[],loaders:{type:"array",value:[],optional:!0,ignore:!0},getPolygonOffset:{type:"function",value:({layerIndex:i})=>[0,-i*100]},highlightedObjectIndex:null,autoHighlight:!1,highlightColor:{type:"accessor",value:[0,0,128,128]}},Yn=class extends Ro{constructor(){super(...arguments),this.internalState=null,this.lifecycle=me.NO_STATE,this.parent=null}static get componentName(){return Object.prototype.hasOwnProperty.call(this,"layerName")?this.layerName:""}get root(){let t=this;for(;t.parent;)t=t.parent;return t}toString(){return`${this.constructor.layerName||this.constructor.name}({id: '${this.props.id}'})`}project(t){D(this.internalState);let e=this.internalState.viewport||this.context.viewport,n=ho(t,{viewport:e,modelMatrix:this.props.modelMatrix,coordinateOrigin:this.props.coordinateOrigin,coordinateSystem:this.props.coordinateSystem}),[r,o,s]=pe(n,e.pixelProjectionMatrix);return t.length===2?[r,o]:[r,o,s]}unproject(t){return D(this.internalState),(this.internalState.viewport||this.context.viewport).unproject(t)}projectPosition(t,e){D(this.internalState);let n=this.internalState.viewport||this.context.viewport;return Uh(t,{viewport:n,modelMatrix:this.props.modelMatrix,coordinateOrigin:this.props.coordinateOrigin,coordinateSystem:this.props.coordinateSystem,...e})}get isComposite(){return!1}get isDrawable(){return!0}setState(t){this.setChangeFlags({stateChanged:!0}),Object.assign(this.state,t),this.setNeedsRedraw()}setNeedsRedraw(){this.internalState&&(this.internalState.needsRedraw=!0)}setNeedsUpdate(){this.internalState&&(this.context.layerManager.setNeedsUpdate(String(this)),this.internalState.needsUpdate=!0)}get isLoaded(){return this.internalState?!this.internalState.isAsyncPropLoading():!1}get wrapLongitude(){return this.props.wrapLongitude}isPickable(){return this.props.pickable&&this.props.visible}getModels(){let t=this.state;return t&&(t.models||t.model&&[t.model])||[]}setShaderModuleProps(...t){for(let e of this.getModels())e.shaderInputs.setProps(...t)}getAttributeManager(){return this.internalState&&this.internalState.attributeManager}getCurrentLayer(){return this.internalState&&this.internalState.layer}getLoadOptions(){return this.props.loadOptions}use64bitPositions(){let{coordinateSystem:t}=this.props;return t==="default"||t==="lnglat"||t==="cartesian"}onHover(t,e){return this.props.onHover&&this.props.onHover(t,e)||!1}onClick(t,e){return this.props.onClick&&this.props.onClick(t,e)||!1}nullPickingColor(){return[0,0,0]}encodePickingColor(t,e=[]){return e[0]=t+1&255,e[1]=t+1>>8&255,e[2]=t+1>>8>>8&255,e}decodePickingColor(t){D(t instanceof Uint8Array);let[e,n,r]=t;return e+n*256+r*65536-1}getNumInstances(){return Number.isFinite(this.props.numInstances)?this.props.numInstances:this.state&&this.state.numInstances!==void 0?this.state.numInstances:Nu(this.props.data)}getStartIndices(){return this.props.startIndices?this.props.startIndices:this.state&&this.state.startIndices?this.state.startIndices:null}getBounds(){return this.getAttributeManager()?.getBounds(["positions","instancePositions"])}getShaders(t){t=fc(t,{disableWarnings:!0,modules:this.context.defaultShaderModules});for(let e of this.props.extensions)t=fc(t,e.getShaders.call(this,e));return t}shouldUpdateState(t){return t.changeFlags.propsOrDataChanged}updateState(t){let e=this.getAttributeManager(),{dataChanged:n}=t.changeFlags;if(n&&e)if(Array.isArray(n))for(let r of n)e.invalidateAll(r);else e.invalidateAll();if(e){let{props:r}=t,o=this.internalState.hasPickingBuffer,s=Number.isInteger(r.highlightedObjectIndex)||!!r.pickable||r.extensions.some(a=>a.getNeedsPickingBuffer.call(this,a));if(o!==s){this.internalState.hasPickingBuffer=s;let a=Wu(e.attributes);a&&(s&&a.constant&&(a.constant=!1,e.invalidate(a.id)),!a.value&&!s&&(a.constant=!0,a.value=gc(e.attributes)?[sn]:[0,0,0]))}}}finalizeState(t){for(let n of this.getModels())n.destroy();let e=this.getAttributeManager();e&&e.finalize(),this.context&&this.context.resourceManager.unsubscribe({consumerId:this.id}),this.internalState&&(this.internalState.uniformTransitions.clear(),this.internalState.finalize())}draw(t){for(let e of this.getModels())e.draw(t.renderPass)}getPickingInfo({info:t,mode:e,sourceLayer:n}){let{index:r}=t;return r>=0&&Array.isArray(this.props.data)&&(t.object=this.props.data[r]),t}raiseError(t,e){e&&(t=new Error(`${e}: ${t.message}`,{cause:t})),this.props.onError?.(t)||this.context?.onError?.(t,this)}getNeedsRedraw(t={clearRedrawFlags:!1}){return this._getNeedsRedraw(t)}needsUpdate(){return this.internalState?this.internalState.needsUpdate||this.hasUniformTransition()||this.shouldUpdateState(this._getUpdateParams()):!1}hasUniformTransition(){return this.internalState?.uniformTransitions.active||!1}activateViewport(t){if(!this.internalState)return;let e=this.internalState.viewport;this.internalState.viewport=t,(!e||!M_({oldViewport:e,viewport:t}))&&(this.setChangeFlags({viewportChanged:!0}),this.isComposite?this.needsUpdate()&&this.setNeedsUpdate():this._update())}invalidateAttribute(t="all"){let e=this.getAttributeManager();e&&(t==="all"?e.invalidateAll():e.invalidate(t))}updateAttributes(t){let e=!1;for(let n in t)t[n].layoutChanged()&&(e=!0);for(let n of this.getModels())this._setModelAttributes(n,t,e)}_updateAttributes(){let t=this.getAttributeManager();if(!t)return;let e=this.props,n=this.getNumInstances(),r=this.getStartIndices();t.update({data:e.data,numInstances:n,startIndices:r,props:e,transitions:e.transitions,buffers:e.data.attributes,context:this});let o=t.getChangedAttributes({clearChangedFlags:!0});this.updateAttributes(o)}_updateAttributeTransition(){let t=this.getAttributeManager();t&&t.updateTransition()}_updateUniformTransition(){let{uniformTransitions:t}=this.internalState;if(t.active){let e=t.update(),n=Object.create(this.props);for(let r in e)Object.defineProperty(n,r,{value:e[r]});return n}return this.props}calculateInstancePickingColors(t,{numInstances:e}){if(t.constant)return;let n=Math.floor(_t.length/4);this.internalState.usesPickingColorCache=!0;let r=e>0&&_t[0]===0;if(n<e||r){e>Gu&&I.warn("Layer has too many data objects. Picking might not be able to distinguish all objects.")(),_t=St.allocate(_t,e,{size:4,copy:!0,maxCount:Math.max(e,Gu)});let o=Math.floor(_t.length/4),s=[0,0,0],a=r?0:n;for(let c=a;c<o;c++)this.encodePickingColor(c,s),_t[c*4+0]=s[0],_t[c*4+1]=s[1],_t[c*4+2]=s[2],_t[c*4+3]=0}t.value=_t.subarray(0,e*4)}_setModelAttributes(t,e,n=!1){if(!Object.keys(e).length)return;let r=this.getAttributeManager();if(r?.hasBufferGroups()){this._setGroupedModelAttributes(t,r,e);return}if(n){let c=this.getAttributeManager();t.setBufferLayout(c.getBufferLayouts(t)),e=c.getAttributes()}let o=t.userData?.excludeAttributes||{},s={},a={};for(let c in e){if(o[c])continue;let l=e[c].getValue();for(let f in l){let h=l[f];h instanceof J?e[c].settings.isIndexed?t.setIndexBuffer(h):s[f]=h:h&&(a[f]=h)}}t.setAttributes(s),t.setConstantAttributes(a)}_setGroupedModelAttributes(t,e,n){let r=t.userData?.excludeAttributes||{},o=e.getBufferGroupBindings(n,t,r);t.setBufferLayout(o.bufferLayouts);let s={...o.buffers},a={},c=e.getAttributes();for(let l in c){if(r[l]||o.groupedAttributeIds.has(l))continue;let f=c[l],h=f.getValue();for(let u in h){let d=h[u];d instanceof J?f.settings.isIndexed?t.setIndexBuffer(d):s[u]=d:d&&(a[u]=d)}}t.setAttributes(s),t.setConstantAttributes(a)}disablePickingIndex(t){let e=this.props.data;if(!("attributes"in e)){this._disablePickingIndex(t);return}let n=this.getAttributeManager().attributes,r=gc(n),o=mc(n),s=r&&e.attributes&&e.attributes[r.id];if(s&&s.value){let c=s.value;for(let l=0;l<e.length;l++){let f=r.getVertexOffset(l);c[f]===t&&this._disablePickingIndex(l)}return}let a=o&&e.attributes&&e.attributes[o.id];if(a&&a.value){let c=a.value,l=this.encodePickingColor(t);for(let f=0;f<e.length;f++){let h=o.getVertexOffset(f);c[h]===l[0]&&c[h+1]===l[1]&&c[h+2]===l[2]&&this._disablePickingIndex(f)}}else this._disablePickingIndex(t)}_disablePickingIndex(t){let e=this.getAttributeManager().attributes,n=gc(e);if(n){let a=n.getVertexOffset(t),c=n.getVertexOffset(t+1),l=new Uint32Array(c-a);l.fill(sn),n.buffer.write(l,a*l.BYTES_PER_ELEMENT);return}let r=mc(e);if(!r){this.internalState&&Ah(this.internalState.disabledPickingIndices,t);return}let o=r.getVertexOffset(t),s=r.getVertexOffset(t+1);r.buffer.write(new Uint8Array(s-o),o)}restorePickingColors(){let t=this.getAttributeManager().attributes,e=Wu(t);if(!e){this.internalState&&(this.internalState.disabledPickingIndices.length=0);return}let n=mc(t);this.internalState.usesPickingColorCache&&n&&n.value.buffer!==_t.buffer&&(n.value=_t.subarray(0,n.value.length)),e.updateSubBuffer({startOffset:0})}_initialize(){D(!this.internalState),G(__,this);let t=this._getAttributeManager();this.internalState=new Wn({attributeManager:t,layer:this}),this._clearChangeFlags(),this.state={},Object.defineProperty(this.state,"attributeManager",{get:()=>(I.deprecated("layer.state.attributeManager","layer.getAttributeManager()")(),t)}),this.internalState.uniformTransitions=new Vn(this.context.timeline),this.internalState.onAsyncPropUpdated=this._onAsyncPropUpdated.bind(this),this.internalState.setAsyncProps(this.props),this.initializeState(this.context);for(let e of this.props.extensions)e.initializeState.call(this,this.context,e);this.setChangeFlags({dataChanged:"init",propsChanged:"init",viewportChanged:!0,extensionsChanged:!0}),this._update()}_transferState(t){G(b_,this,this===t);let{state:e,internalState:n}=t;this!==t&&(this.internalState=n,this.state=e,this.internalState.setAsyncProps(this.props),this._diffProps(this.props,this.internalState.getOldProps()))}_update(){let t=this.needsUpdate();if(G(P_,this,t),!t)return;this.context.stats.get("Layer updates").incrementCount();let e=this.props,n=this.context,r=this.internalState,o=n.viewport,s=this._updateUniformTransition();r.propsInTransition=s,n.viewport=r.viewport||o,this.props=s;try{let a=this._getUpdateParams(),c=this.getModels();if(n.device)this.updateState(a);else try{this.updateState(a)}catch{}for(let f of this.props.extensions)f.updateState.call(this,a,f);this.setNeedsRedraw(),this._updateAttributes();let l=this.getModels()[0]!==c[0];this._postUpdate(a,l)}finally{n.viewport=o,this.props=e,this._clearChangeFlags(),r.needsUpdate=!1,r.resetOldProps()}}_finalize(){G(w_,this),this.finalizeState(this.context);for(let t of this.props.extensions)t.finalizeState.call(this,this.context,t)}_drawLayer({renderPass:t,shaderModuleProps:e=null,uniforms:n={},parameters:r={}}){this._updateAttributeTransition();let o=this.props,s=this.context;this.props=this.internalState.propsInTransition||o;try{e&&this.setShaderModuleProps(e);let{getPolygonOffset:a}=this.props,c=a&&a(n)||[0,0];s.device instanceof xr&&s.device.setParametersWebGL({polygonOffset:c});let l=s.device instanceof xr?null:C_(r);if(T_(this.getModels(),t,r,l),s.device instanceof xr)s.device.withParametersWebGL(r,()=>{let f={renderPass:t,shaderModuleProps:e,uniforms:n,parameters:r,context:s};for(let h of this.props.extensions)h.draw.call(this,f,h);this.draw(f)});else{l?.renderPassParameters&&t.setParameters(l.renderPassParameters);let f={renderPass:t,shaderModuleProps:e,uniforms:n,parameters:r,context:s};for(let h of this.props.extensions)h.draw.call(this,f,h);this.draw(f)}}finally{this.props=o}}getChangeFlags(){return this.internalState?.changeFlags}setChangeFlags(t){if(!this.internalState)return;let{changeFlags:e}=this.internalState;for(let r in t)if(t[r]){let o=!1;switch(r){case"dataChanged":let s=t[r],a=e[r];s&&Array.isArray(a)&&(e.dataChanged=Array.isArray(s)?a.concat(s):s,o=!0);default:e[r]||(e[r]=t[r],o=!0)}o&&G(v_,this,r,t)}let n=!!(e.dataChanged||e.updateTriggersChanged||e.propsChanged||e.extensionsChanged);e.propsOrDataChanged=n,e.somethingChanged=n||e.viewportChanged||e.stateChanged}_clearChangeFlags(){this.internalState.changeFlags={dataChanged:!1,propsChanged:!1,updateTriggersChanged:!1,viewportChanged:!1,stateChanged:!1,extensionsChanged:!1,propsOrDataChanged:!1,somethingChanged:!1}}_diffProps(t,e){let n=Du(t,e);if(n.updateTriggersChanged)for(let r in n.updateTriggersChanged)n.updateTriggersChanged[r]&&this.invalidateAttribute(r);if(n.transitionsChanged)for(let r in n.transitionsChanged)this.internalState.uniformTransitions.add(r,e[r],t[r],t.transitions?.[r]);return this.setChangeFlags(n)}validateProps(){ku(this.props)}updateAutoHighlight(t){this.props.autoHighlight&&!Number.isInteger(this.props.highlightedObjectIndex)&&this._updateAutoHighlight(t)}_updateAutoHighlight(t){let e={highlightedObjectColor:t.picked?t.color:null},{highlightColor:n}=this.props;t.picked&&typeof n=="function"&&(e.highlightColor=n(t)),this.setShaderModuleProps({picking:e}),this.setNeedsRedraw()}_getAttributeManager(){let t=this.context;return new Nn(t.device,{id:this.props.id,stats:t.stats,timeline:t.timeline})}_postUpdate(t,e){let{props:n,oldProps:r}=t,o=this.state.model;o?.isInstanced&&o.setInstanceCount(this.getNumInstances());let{autoHighlight:s,highlightedObjectIndex:a,highlightColor:c}=n;if(e||r.autoHighlight!==s||r.highlightedObjectIndex!==a||r.highlightColor!==c){let l={};Array.isArray(c)&&(l.highlightColor=c),(e||r.autoHighlight!==s||a!==r.highlightedObjectIndex)&&(l.highlightedObjectColor=Number.isFinite(a)&&a>=0?this.encodePickingColor(a):null),this.setShaderModuleProps({picking:l})}}_getUpdateParams(){return{props:this.props,oldProps:this.internalState.getOldProps(),context:this.context,changeFlags:this.internalState.changeFlags}}_getNeedsRedraw(t){if(!this.internalState)return!1;let e=!1;e=e||this.internalState.needsRedraw&&this.id;let n=this.getAttributeManager(),r=n?n.getNeedsRedraw(t):!1;if(e=e||r,e)for(let o of this.props.extensions)o.onNeedsRedraw.call(this,o);return this.internalState.needsRedraw=this.internalState.needsRedraw&&!t.clearRedrawFlags,e}_onAsyncPropUpdated(){this._diffProps(this.props,this.internalState.getOldProps()),this.setNeedsUpdate()}};Yn.defaultProps=S_;Yn.layerName="Layer";var Lt=Yn;function C_(i){let{blendConstant:t,...e}=i;return t?{pipelineParameters:e,renderPassParameters:{blendConstant:t}}:{pipelineParameters:e}}function T_(i,t,e,n){for(let r of i)r.device.type==="webgpu"?(L_(r,t),r.setParameters({...r.parameters,...n?.pipelineParameters})):r.setParameters(e)}function L_(i,t){let e=t.props.framebuffer||(t.framebuffer??null);if(!e)return;let n=e.colorAttachments.map(s=>s?.texture?.format??null),r=e.depthStencilAttachment?.texture?.format,o=i;(!A_(o.props.colorAttachmentFormats,n)||o.props.depthStencilAttachmentFormat!==r)&&(o.props.colorAttachmentFormats=n,o.props.depthStencilAttachmentFormat=r,o._setPipelineNeedsUpdate("attachment formats"))}function A_(i,t){if(i===t)return!0;if(!i||!t||i.length!==t.length)return!1;for(let e=0;e<i.length;e++)if(i[e]!==t[e])return!1;return!0}var I_="compositeLayer.renderLayers",Oo=class extends Lt{get isComposite(){return!0}get isDrawable(){return!1}get isLoaded(){return super.isLoaded&&this.getSubLayers().every(t=>t.isLoaded)}getSubLayers(){return this.internalState&&this.internalState.subLayers||[]}initializeState(t){}setState(t){super.setState(t),this.setNeedsUpdate()}getPickingInfo({info:t}){let{object:e}=t;return e&&e.__source&&e.__source.parent&&e.__source.parent.id===this.id&&(t.object=e.__source.object,t.index=e.__source.index),t}filterSubLayer(t){return!0}shouldRenderSubLayer(t,e){return e&&e.length}getSubLayerClass(t,e){let{_subLayerProps:n}=this.props;return n&&n[t]&&n[t].type||e}getSubLayerRow(t,e,n){return t.__source={parent:this,object:e,index:n},t}getSubLayerAccessor(t){if(typeof t=="function"){let e={index:-1,data:this.props.data,target:[]};return(n,r)=>n&&n.__source?(e.index=n.__source.index,t(n.__source.object,e)):t(n,r)}return t}getSubLayerProps(t={}){let{opacity:e,pickable:n,visible:r,parameters:o,getPolygonOffset:s,highlightedObjectIndex:a,autoHighlight:c,highlightColor:l,coordinateSystem:f,coordinateOrigin:h,wrapLongitude:u,positionFormat:d,modelMatrix:p,extensions:g,fetch:m,operation:v,_subLayerProps:_}=this.props,y={id:"",updateTriggers:{},opacity:e,pickable:n,visible:r,parameters:o,getPolygonOffset:s,highlightedObjectIndex:a,autoHighlight:c,highlightColor:l,coordinateSystem:f,coordinateOrigin:h,wrapLongitude:u,positionFormat:d,modelMatrix:p,extensions:g,fetch:m,operation:v},x=_&&t.id&&_[t.id],w=x&&x.updateTriggers,P=t.id||"sublayer";if(x){let C=this.props[yt],M=t.type?t.type._propTypes:{};for(let S in x){let b=M[S]||C[S];b&&b.type==="accessor"&&(x[S]=this.getSubLayerAccessor(x[S]))}}Object.assign(y,t,x),y.id=`${this.props.id}-${P}`,y.updateTriggers={all:this.props.updateTriggers?.all,...t.updateTriggers,...w};for(let C of g){let M=C.getSubLayerProps.call(this,C);M&&Object.assign(y,M,{updateTriggers:Object.assign(y.updateTriggers,M.updateTriggers)})}return y}_updateAutoHighlight(t){for(let e of this.getSubLayers())e.updateAutoHighlight(t)}_getAttributeManager(){return null}_postUpdate(t,e){let n=this.internalState.subLayers,r=!n||this.needsUpdate();if(r){let o=this.renderLayers();n=xt(o,Boolean),this.internalState.subLayers=n}G(I_,this,r,n);for(let o of n)o.parent=this}};Oo.layerName="CompositeLayer";var yc=Oo;var Pi=Math.PI/180,Yu=180/Math.PI,R_=1,ko=6370972,re=256,$u=.75,Hu=1.15;function Zu(i){let t=Kt(i+180,360)-180;return Math.abs(t)<R_}function O_(){let i=re/ko,t=Math.PI/180*re;return{unitsPerMeter:[i,i,i],unitsPerMeter2:[0,0,0],metersPerUnit:[1/i,1/i,1/i],unitsPerDegree:[t,t,i],unitsPerDegree2:[0,0,0],degreesPerUnit:[1/t,1/t,1/i]}}var Do=class extends pi{constructor(t={}){let{longitude:e=0,bearing:n=0,pitch:r=0,zoom:o=0,nearZMultiplier:s=.5,farZMultiplier:a=1,resolution:c=10}=t,{latitude:l=0,height:f,altitude:h=1.5,fovy:u}=t;l=Math.max(Math.min(l,90),-90),f=f||1,u?h=De(u):u=qt(h);let d=Math.max(Math.min(l,ot),-ot),p=Math.pow(2,o-K(d)),g=r*Pi,m=t.nearZ??s,v=t.farZ??(h+re*2*p/f/Math.max(Math.cos(g),.1))*a,_=new X().lookAt({eye:[0,-h,0],up:[0,0,1]}).rotateX(-g).rotateY(-n*Pi).rotateX(l*Pi).rotateZ(-e*Pi).scale(p/f);super({...t,height:f,viewMatrix:_,longitude:e,latitude:l,zoom:o,distanceScales:O_(),fovy:u,focalDistance:h,near:m,far:v}),this.scale=p,this.latitude=l,this.longitude=e,this.bearing=n,this.pitch=r,this.fovy=u,this.resolution=c}get projectionMode(){return H.GLOBE}getDistanceScales(){return this.distanceScales}getBounds(t={}){let e={targetZ:t.z||0},n=this.unproject([0,this.height/2],e),r=this.unproject([this.width/2,0],e),o=this.unproject([this.width,this.height/2],e),s=this.unproject([this.width/2,this.height],e);return o[0]<this.longitude&&(o[0]+=360),n[0]>this.longitude&&(n[0]-=360),[Math.min(n[0],o[0],r[0],s[0]),Math.min(n[1],o[1],r[1],s[1]),Math.max(n[0],o[0],r[0],s[0]),Math.max(n[1],o[1],r[1],s[1])]}_getRayToGlobe(t,{topLeft:e=!0,targetZ:n}={}){let[r,o]=t,s=e?o:this.height-o,{pixelUnprojectionMatrix:a}=this,c=xc(a,[r,s,-1,1]),l=xc(a,[r,s,1,1]),f=((n||0)/ko+1)*re,h=j.sqrLen(j.sub([],c,l)),u=j.sqrLen(c),d=j.sqrLen(l),g=4*((4*u*d-(h-u-d)**2)/16)/h;return{rayStartPosition:c,rayEndPosition:l,radius:f,rayLengthSquared:h,rayStartDistanceSquared:u,distanceToCenterSquared:g}}_getRayDistanceToGlobeCenterRatio(t,e){let{distanceToCenterSquared:n,radius:r}=this._getRayToGlobe(t,e);return Math.sqrt(Math.max(0,n))/r}getZoomAnchorStrength(t){let e=this._getRayDistanceToGlobeCenterRatio(t);if(e>=Hu)return 0;let n=Math.max(0,Math.min(1,(e-$u)/(Hu-$u)));return 1-n*n*(3-2*n)}unproject(t,{topLeft:e=!0,targetZ:n}={}){let[r,o,s]=t,a=e?o:this.height-o,{pixelUnprojectionMatrix:c}=this,l;if(Number.isFinite(s))l=xc(c,[r,a,s,1]);else{let{rayStartPosition:d,rayEndPosition:p,radius:g,rayLengthSquared:m,rayStartDistanceSquared:v,distanceToCenterSquared:_}=this._getRayToGlobe(t,{topLeft:e,targetZ:n}),y=Math.sqrt(v-_),x=Math.sqrt(Math.max(0,g*g-_)),w=(y-x)/Math.sqrt(m);l=j.lerp([],d,p,w)}let[f,h,u]=this.unprojectPosition(l);return Number.isFinite(s)?[f,h,u]:Number.isFinite(n)?[f,h,n]:[f,h]}projectPosition(t){let[e,n,r=0]=t,o=e*Pi,s=n*Pi,a=Math.cos(s),c=(r/ko+1)*re;return[Math.sin(o)*a*c,-Math.cos(o)*a*c,Math.sin(s)*c]}unprojectPosition(t){let[e,n,r]=t,o=j.len(t),s=Math.asin(r/o),c=Math.atan2(e,-n)*Yu,l=s*Yu,f=(o/re-1)*ko;return[c,l,f]}projectFlat(t){return t}unprojectFlat(t){return t}panByPosition(t,e,n){if(!n){let u=this.getZoomAnchorStrength(e);if(u===0)return{longitude:this.longitude,latitude:this.latitude};let d=this.unproject(e),p=Kt(t[0]-d[0]+180,360)-180,g=t[1]-d[1],m=Math.abs(d[1])>ot||Math.abs(p)>90;if(Zu(this.bearing)&&m)return{longitude:this.longitude,latitude:this.latitude};if(Zu(this.bearing)&&g!==0){let x=((g>0?ot:-ot)-this.latitude)/g;u=Math.min(u,Math.max(0,x))}let v=this.longitude+p*u,_=Math.max(Math.min(this.latitude+g*u,90),-90);return{longitude:v,latitude:_}}let[r,o,s]=t,c=.25/Math.pow(2,this.zoom-K(this.latitude)),l=r+c*(n[0]-e[0]),f=o-c*(n[1]-e[1]);f=Math.max(Math.min(f,90),-90);let h={longitude:l,latitude:f,zoom:s-K(o)};return h.zoom+=K(h.latitude),h}};Do.displayName="GlobeViewport";var qu=Do;function K(i,t){t&&(i=Math.max(Math.min(i,ot),-ot));let e=Math.PI*Math.cos(i*Math.PI/180);return Math.log2(e)}function xc(i,t){let e=nt.transformMat4([],t,i);return nt.scale(e,e,1/e[3]),e}var wi=Math.PI/180,vc=180/Math.PI,dt=class i{static toPosition(t,e){let n=e*wi,r=t*wi,o=Math.cos(n);return[o*Math.cos(r),o*Math.sin(r),Math.sin(n)]}static toLngLat(t){return[Math.atan2(t[1],t[0])*vc,Math.asin(B(t[2],-1,1))*vc]}static tangentBasis(t,e){let n=e*wi,r=t*wi,o=Math.sin(n),s=Math.cos(n),a=Math.sin(r),c=Math.cos(r);return{N:[-o*c,-o*a,s],E:[-a,c,0]}}static upVector(t,e,n){let{N:r,E:o}=i.tangentBasis(t,e),s=n*wi,a=Math.cos(s),c=Math.sin(s);return[r[0]*a+o[0]*c,r[1]*a+o[1]*c,r[2]*a+o[2]*c]}static bearing(t,e,n){let{N:r,E:o}=i.tangentBasis(e,n);return Math.atan2(j.dot(t,o),j.dot(t,r))*vc}static cameraFrame(t,e,n){let r=i.toPosition(t,e),o=i.upVector(t,e,n),{N:s,E:a}=i.tangentBasis(t,e),c=n*wi,l=Math.cos(c),f=Math.sin(c),h=[a[0]*l-s[0]*f,a[1]*l-s[1]*f,a[2]*l-s[2]*f];return{position:r,up:o,axisHorizontal:j.cross([],r,h),axisVertical:j.cross([],r,o),longitude:t,latitude:e,bearing:n}}static angularDistance(t,e){let n=i.toPosition(t.longitude,t.latitude),r=i.toPosition(e.longitude,e.latitude);return Math.acos(B(j.dot(n,r),-1,1))}static greatCircleAxis(t,e){let n=i.toPosition(t.longitude,t.latitude),r=i.toPosition(e.longitude,e.latitude);return j.normalize([],j.cross([],n,r))}static rotate(t,e,n){let r=new Hi().fromAxisRotation(e,n);return j.transformQuat([],t,r)}static rotateFrame(t,e,n,r){let o=i.rotate(t.position,t.axisHorizontal,e);o=i.rotate(o,t.axisVertical,n);let s=i.rotate(t.up,t.axisHorizontal,e);s=i.rotate(s,t.axisVertical,n);let[a,c]=i.toLngLat(o),l=r?0:i.bearing(s,a,c);return{...t,position:o,up:s,longitude:a,latitude:c,bearing:l}}static rotateFrameToMatch(t,e,n,r=1){let o=i.toPosition(...e),s=i.toPosition(...n),a=j.cross([],o,s),c=j.len(a),l=B(j.dot(o,s),-1,1);if(c<1e-12){if(l>0)return t;a=j.cross([],o,t.up),j.len(a)<1e-12&&(a=j.cross([],o,t.axisVertical))}j.normalize(a,a);let f=Math.atan2(c,l)*B(r,0,1),h=i.rotate(t.position,a,f),u=i.rotate(t.up,a,f),[d,p]=i.toLngLat(h);return{...t,position:h,up:u,longitude:d,latitude:p,bearing:i.bearing(u,d,p)}}},Xu=5,k_=1/(1-Math.exp(-Xu)),Ku=i=>(1-Math.exp(-Xu*i))*k_,zo=class extends Be{constructor(t){let e="axis"in t;super({compare:["longitude","latitude"],extract:e?["longitude","latitude","zoom","bearing"]:["longitude","latitude","zoom"],required:["longitude","latitude"]}),e?(this._mode="rotation",this._axis=t.axis,this._totalAngle=t.totalAngle):(this._mode="linear",this._targetLongitude=t.targetLongitude)}initializeProps(t,e){let n=super.initializeProps(t,e);return this._startZoom=t.zoom,this._mode==="rotation"?this._startFrame={...dt.cameraFrame(t.longitude,t.latitude,t.bearing||0),axisHorizontal:this._axis}:n.end.longitude=this._targetLongitude,n}interpolateProps(t,e,n){if(this._mode==="rotation"){let{longitude:a,latitude:c,bearing:l}=dt.rotateFrame(this._startFrame,this._totalAngle*n,0),f=this._startZoom+K(c,!0)-K(this._startFrame.latitude,!0);return{bearing:l,longitude:a,latitude:c,zoom:f}}let r=t.longitude+(e.longitude-t.longitude)*n,o=t.latitude+(e.latitude-t.latitude)*n,s=this._startZoom+K(o,!0)-K(t.latitude,!0);return{longitude:r,latitude:o,zoom:s}}};var Ei=Math.PI/180,D_=180/Math.PI;function Ju(i,t=0){let e=Math.min(180,i)*Ei;return re*2*Math.sin(e/2)*Math.pow(2,t)}function bi(i,t=0){let e=i/Math.pow(2,t);return Math.asin(Math.min(1,e/re/2))*2*D_}var _c=class extends xn{constructor(t){let{startPanPos:e,startPanCameraFrame:n,startPanAngularRate:r,...o}=t;o.normalize=!1,super(o);let s=this._state;e!==void 0&&(s.startPanPos=e),n!==void 0&&(s.startPanCameraFrame=n),r!==void 0&&(s.startPanAngularRate=r)}panStart({pos:t}){let{latitude:e,longitude:n,zoom:r,bearing:o=0}=this.getViewportProps(),s=dt.cameraFrame(n,e,o),c=.25/Math.pow(2,r-K(e,!0))*Ei;return this._getUpdatedState({startPanPos:t,startPanCameraFrame:s,startPanAngularRate:c,startZoom:r})}pan({pos:t,startPos:e}){let n=this.getState(),r=n.startPanPos||e;if(!r)return this;let o=n.startPanCameraFrame,s=n.startPanAngularRate,a=n.startZoom??this.getViewportProps().zoom;if(!o||!s)return this;let c=r[0]-t[0],l=r[1]-t[1],f=c*s,h=-l*s,u=dt.rotateFrame(o,f,h),d=a+K(u.latitude,!0)-K(o.latitude,!0);return this._getUpdatedState({longitude:u.longitude,latitude:u.latitude,bearing:u.bearing,zoom:d})}panEnd(){return this._getUpdatedState({startPanPos:null,startPanCameraFrame:null,startPanAngularRate:null,startZoom:null})}_panFromCenter(t){let{width:e,height:n}=this.getViewportProps(),r=[e/2,n/2];return this.panStart({pos:r}).pan({pos:[r[0]+t[0],r[1]+t[1]]}).panEnd()}applyConstraints(t){let e=t,n=e[ee];delete e[ee];let{latitude:r,maxBounds:o}=t;if(t.zoom=this._constrainZoom(t.zoom,t),n){let a=this.makeViewport(t),c=a.getZoomAnchorStrength(n.screenPosition);if(c>0){let l=a.unproject(n.screenPosition),f=dt.cameraFrame(t.longitude,t.latitude,t.bearing||0),h=dt.rotateFrameToMatch(f,[l[0],l[1]],[n.position[0],n.position[1]],c);t.longitude=h.longitude,t.latitude=h.latitude,t.bearing=h.bearing}}(t.longitude<-180||t.longitude>180)&&(t.longitude=Kt(t.longitude+180,360)-180),(t.bearing<-180||t.bearing>180)&&(t.bearing=Kt(t.bearing+180,360)-180),t.latitude=B(t.latitude,-90,90),t.pitch=B(t.pitch,t.minPitch,t.maxPitch);let s=o?mi(t.width,t.height,t.maxBoundsPadding):null;if(o&&s&&(s.width>=0&&(t.longitude=B(t.longitude,o[0][0],o[1][0])),s.height>=0&&(t.latitude=B(t.latitude,o[0][1],o[1][1]))),o&&s){let a=this.makeViewport({...t,bearing:0,pitch:0}),c=go(a,[t.longitude,t.latitude],s),l=t.zoom-K(r),f=o[1][0]-o[0][0],h=o[1][1]-o[0][1];if(s.height>=0&&h>0&&h<180){let u=Math.min(bi(s.height,l),h),d=s.height?u*c.bottom/s.height:bi(c.bottom,l),p=s.height?u*c.top/s.height:bi(c.top,l);t.latitude=B(t.latitude,o[0][1]+d,o[1][1]-p)}if(s.width>=0&&f>0&&f<360){let u=Math.min(bi(s.width/Math.cos(t.latitude*Ei),l),f),d=s.width?u*c.left/s.width:bi(c.left/Math.cos(t.latitude*Ei),l),p=s.width?u*c.right/s.width:bi(c.right/Math.cos(t.latitude*Ei),l);t.longitude=B(t.longitude,o[0][0]+d,o[1][0]-p)}}return t.latitude=B(t.latitude,-90,90),t.latitude!==r&&(t.zoom+=K(t.latitude,!0)-K(r,!0)),t}_constrainZoom(t,e){e||(e=this.getViewportProps());let{maxZoom:n,maxBounds:r}=e,{minZoom:o}=e;if(r!==null&&e.width>0&&e.height>0){let c=mi(e.width,e.height,e.maxBoundsPadding),l=r[0][1],f=r[1][1],h=Math.sign(l)===Math.sign(f)?Math.min(Math.abs(l),Math.abs(f)):0,u=K(0),d=Ju(r[1][0]-r[0][0])*Math.cos(h*Ei),p=Ju(r[1][1]-r[0][1]);c.width>0&&d>0&&(o=Math.max(o,Math.log2(c.width/d)+u)),c.height>0&&p>0&&(o=Math.max(o,Math.log2(c.height/p)+u)),o>n&&(o=n)}let a=K(e.latitude,!0)-K(0,!0);return B(t,o+a,n+a)}},$n=class extends Ue{constructor(){super(...arguments),this.ControllerState=_c,this.transition={transitionDuration:300,transitionInterpolator:new te({transitionProps:{compare:["longitude","latitude","zoom","bearing","pitch"],required:["longitude","latitude","zoom"]}})},this.dragMode="pan",this._panHistory=[]}_onPanStart(t){return this._panHistory=[],super._onPanStart(t)}_onMultiPanStart(t){return this._panHistory=[],super._onMultiPanStart(t)}_onPanMove(t){if(!this.dragPan)return!1;let e=this.getCenter(t),n=this.controllerState.pan({pos:e});this.updateViewport(n,{transitionDuration:0},{isDragging:!0,isPanning:!0});let{longitude:r,latitude:o}=n.getViewportProps();return this._panHistory.push({longitude:r,latitude:o,timestamp:Date.now()}),this._panHistory.length>5&&this._panHistory.shift(),!0}_onPanMoveEnd(t){let{inertia:e}=this;if(this.dragPan&&e&&this._panHistory.length>=2){let r=this._panHistory[0],o=this._panHistory[this._panHistory.length-1],s=o.timestamp-r.timestamp;if(s>0){let a=this.controllerState.getViewportProps(),l=dt.angularDistance(r,o)/s;if(l>1e-6){let f=l*e/2,h=dt.greatCircleAxis(r,o),u=dt.cameraFrame(a.longitude,a.latitude,a.bearing||0),d=dt.rotateFrame({...u,axisHorizontal:h},f,0),p=d.longitude,g=B(d.latitude,-90,90),m=new zo({axis:h,totalAngle:f}),v=this.controllerState.panEnd();return this.updateViewport(v,{transitionInterpolator:m,transitionDuration:e,transitionEasing:Ku,longitude:p,latitude:g},{isDragging:!1,isPanning:!0}),this._panHistory=[],!0}}}this._panHistory=[];let n=this.controllerState.panEnd();return this.updateViewport(n,null,{isDragging:!1,isPanning:!1}),!0}};var z_={cullMode:"back"},No=class extends Ne{constructor(t={}){super({...t,parameters:{...z_,...t.parameters}})}getViewportType(t){return t.zoom>12?Jt:qu}get ControllerType(){return $n}};No.displayName="GlobeView";var Pc=No;var xe=class{constructor(t){this.indexStarts=[0],this.vertexStarts=[0],this.vertexCount=0,this.instanceCount=0;let{attributes:e={}}=t;this.typedArrayManager=St,this.attributes={},this._attributeDefs=e,this.opts=t,this.updateGeometry(t)}updateGeometry(t){Object.assign(this.opts,t);let{data:e,buffers:n={},getGeometry:r,geometryBuffer:o,positionFormat:s,dataChanged:a,normalize:c=!0}=this.opts;if(this.data=e,this.getGeometry=r,this.positionSize=o&&o.size||(s==="XY"?2:3),this.buffers=n,this.normalize=c,o&&(D(e.startIndices),this.getGeometry=this.getGeometryFromBuffer(o),c||(n.vertexPositions=o)),this.geometryBuffer=n.vertexPositions,Array.isArray(a))for(let l of a)this._rebuildGeometry(l);else this._rebuildGeometry()}updatePartialGeometry({startRow:t,endRow:e}){this._rebuildGeometry({startRow:t,endRow:e})}getGeometryFromBuffer(t){let e=t.value||t;return ArrayBuffer.isView(e)?wo(e,{size:this.positionSize,offset:t.offset,stride:t.stride,startIndices:this.data.startIndices}):null}_allocate(t,e){let{attributes:n,buffers:r,_attributeDefs:o,typedArrayManager:s}=this;for(let a in o)if(a in r)s.release(n[a]),n[a]=null;else{let c=o[a];c.copy=e,n[a]=s.allocate(n[a],t,c)}}_forEachGeometry(t,e,n){let{data:r,getGeometry:o}=this,{iterable:s,objectInfo:a}=ne(r,e,n);for(let c of s){a.index++;let l=o?o(c,a):null;t(l,a.index)}}_rebuildGeometry(t){if(!this.data)return;let{indexStarts:e,vertexStarts:n,instanceCount:r}=this,{data:o,geometryBuffer:s}=this,{startRow:a=0,endRow:c=1/0}=t||{},l={};if(t||(e=[0],n=[0]),this.normalize||!s)this._forEachGeometry((h,u)=>{let d=h&&this.normalizeGeometry(h);l[u]=d,n[u+1]=n[u]+(d?this.getGeometrySize(d):0)},a,c),r=n[n.length-1];else if(n=o.startIndices,r=n[o.length]||0,ArrayBuffer.isView(s))r=r||s.length/this.positionSize;else if(s instanceof J){let h=this.positionSize*4;r=r||s.byteLength/h}else if(s.buffer){let h=s.stride||this.positionSize*4;r=r||s.buffer.byteLength/h}else if(s.value){let h=s.value,u=s.stride/h.BYTES_PER_ELEMENT||this.positionSize;r=r||h.length/u}this._allocate(r,!!t),this.indexStarts=e,this.vertexStarts=n,this.instanceCount=r;let f={};this._forEachGeometry((h,u)=>{let d=l[u]||h;f.vertexStart=n[u],f.indexStart=e[u];let p=u<n.length-1?n[u+1]:r;f.geometrySize=p-n[u],f.geometryIndex=u,this.updateGeometryAttributes(d,f)},a,c),this.vertexCount=e[e.length-1]}};var Hn=class{constructor(t){D(t.id,"id is required"),this.id=t.id,this.type="custom",this.renderingMode=t.renderingMode||"3d",this.slot=t.slot,this.beforeId=t.beforeId,this.map=null}onAdd(t,e){this.map=t}render(t,e){this.map&&Qu(this.map.__deck,this.map,this,e)}};var wc="__UNDEFINED__";function Mi(i){return i.props.beforeId?`deck-layer-group-before:${i.props.beforeId}`:i.props.slot?`deck-layer-group-slot:${i.props.slot}`:"deck-layer-group-last"}function td(i,t,e){if(!i||!i.style||!i.style._loaded)return;let n=xt(e,Boolean);if(t!==e){let s=xt(t,Boolean),a=new Set(s.map(l=>Mi(l))),c=new Set(n.map(l=>Mi(l)));for(let l of a)c.has(l)||i.getLayer(l)&&i.removeLayer(l)}let r={};for(let s of n){let a=Mi(s),c=i.getLayer(a);if(c){let l=c.implementation||c;r[a]=l}else{let l=new Hn({id:a,slot:s.props.slot,beforeId:s.props.beforeId});r[a]=l,i.addLayer(l,s.props.beforeId)}}let o=i.style._order;for(let[s,a]of Object.entries(r)){let c=a.beforeId||wc,l=c===wc?o.length:o.indexOf(c);if(l===-1)continue;if(o.indexOf(s)!==l-1){let h=c===wc?void 0:c;i.moveLayer(s,h)}}}var Ge="mapbox",bc=512,N_=Math.PI/180;function id({map:i,deck:t}){if(i.__deck)return i.__deck;let e=t.props._customRender,n=t.props.onLoad,r={...t.props,_customRender:()=>{i.triggerRepaint(),e?.("")}};return r.views||(r.views=Zn(i)),Object.assign(r,{width:null,height:null,touchAction:"unset",viewState:Si(i)}),t.isInitialized?ed(t,i):r.onLoad=()=>{n?.(),ed(t,i)},t.setProps(r),i.__deck=t,i.on("render",()=>{t.isInitialized&&j_(t,i)}),t}function ed(i,t){let e=()=>{i.isInitialized?V_(i,t):t.off("move",e)};t.on("move",e)}function nd(i){i.__deck?.finalize(),i.__deck=null}function Bo(i,t){return t?{depthWriteEnabled:!0,depthCompare:"less-equal",depthBias:0,blend:!0,blendColorSrcFactor:"src-alpha",blendColorDstFactor:"one-minus-src-alpha",blendAlphaSrcFactor:"one",blendAlphaDstFactor:"one-minus-src-alpha",blendColorOperation:"add",blendAlphaOperation:"add"}:{}}function Qu(i,t,e,n){if(!i.isInitialized)return;let{currentViewport:r}=i.userData,o=!1;r||(r=rd(i,t,n),i.userData.currentViewport=r,o=!0),r&&i._drawLayers("mapbox-repaint",{viewports:[r],layerFilter:s=>{if(i.props.layerFilter&&!i.props.layerFilter(s))return!1;let a=s.layer;return a.props.beforeId===e.beforeId&&a.props.slot===e.slot},clearStack:o,clearCanvas:!1})}function Ec(i){let t=i.getProjection?.(),e=t?.type||t?.name;if(e==="globe")return"globe";if(e&&e!=="mercator")throw new Error("Unsupported projection");return"mercator"}function Zn(i){return Ec(i)==="globe"?new Pc({id:Ge}):new _n({id:Ge})}function Si(i){let{lng:t,lat:e}=i.getCenter(),n={longitude:(t+540)%360-180,latitude:e,zoom:i.getZoom(),bearing:i.getBearing(),pitch:i.getPitch(),padding:i.getPadding(),repeat:i.getRenderWorldCopies()};return i.getTerrain?.()&&B_(i,n),n}function B_(i,t){if(i.getFreeCameraOptions){let{position:e}=i.getFreeCameraOptions();if(!e||e.z===void 0)return;let n=i.transform.height,{longitude:r,latitude:o,pitch:s}=t,a=e.x*bc,c=(1-e.y)*bc,l=e.z*bc,f=st([r,o]),h=a-f[0],u=c-f[1],d=Math.sqrt(h*h+u*u),p=s*N_,g=1.5*n,m=p<.001?g*Math.cos(p)/l:g*Math.sin(p)/d;t.zoom=Math.log2(m);let v=g*Math.cos(p)/m,_=l-v;t.position=[0,0,_/ke(o)]}else typeof i.transform.elevation=="number"&&(t.position=[0,0,i.transform.elevation])}function rd(i,t,e){let n=Si(t),r=i.getView(Ge)||Zn(t);e&&(r.props.nearZMultiplier=.2);let o=e?.nearZ??t.transform._nearZ,s=e?.farZ??t.transform._farZ;return Number.isFinite(o)&&(n.nearZ=o/t.transform.height,n.farZ=s/t.transform.height),r.makeViewport({width:i.width,height:i.height,viewState:n})}function j_(i,t){let n=xt(i.props.layers,Boolean).some(a=>a&&!t.getLayer(Mi(a))),r=i.getViewports(),o=r.findIndex(a=>a.id===Ge),s=r.length>1||o<0;if(n||s){if(o>=0){r=r.slice();let a=rd(i,t);a?r[o]=a:r.splice(o,1)}i._drawLayers("mapbox-repaint",{viewports:r,layerFilter:a=>(!i.props.layerFilter||i.props.layerFilter(a))&&(a.viewport.id!==Ge||!t.getLayer(Mi(a.layer))),clearCanvas:!1})}else{let a=i.device,c=a?.gl;i.props.onBeforeRender?.({device:a,gl:c}),i.props.onAfterRender?.({device:a,gl:c})}i.userData.currentViewport=null}function V_(i,t){i.setProps({viewState:Si(t)}),i.needsRedraw({clearRedrawFlags:!0})}var Ci=class{constructor(t){this._handleStyleChange=()=>{if(this._resolveLayers(this._map,this._deck,this._props.layers,this._props.layers),!this._map)return;Ec(this._map)&&this._deck?.setProps({views:this._getViews(this._map)})},this._updateContainerSize=()=>{if(this._map&&this._container){let{clientWidth:n,clientHeight:r}=this._map.getContainer();Object.assign(this._container.style,{width:`${n}px`,height:`${r}px`})}},this._updateViewState=()=>{let n=this._deck,r=this._map;n&&r&&(n.setProps({views:this._getViews(r),viewState:Si(r)}),n.isInitialized&&n.redraw())},this._handleMouseEvent=n=>{let r=this._deck;if(!r||!r.isInitialized)return;let o={type:n.type,offsetCenter:n.point,srcEvent:n},s=this._lastMouseDownPoint;switch(!n.point&&s&&(o.deltaX=n.originalEvent.clientX-s.clientX,o.deltaY=n.originalEvent.clientY-s.clientY,o.offsetCenter={x:s.x+o.deltaX,y:s.y+o.deltaY}),o.type){case"mousedown":r._onPointerDown(o),this._lastMouseDownPoint={...n.point,clientX:n.originalEvent.clientX,clientY:n.originalEvent.clientY};break;case"dragstart":o.type="panstart",r._onEvent(o);break;case"drag":o.type="panmove",r._onEvent(o);break;case"dragend":o.type="panend",r._onEvent(o);break;case"click":o.tapCount=1,r._onEvent(o);break;case"dblclick":o.type="click",o.tapCount=2,r._onEvent(o);break;case"mousemove":o.type="pointermove",r._onPointerMove(o);break;case"mouseout":o.type="pointerleave",r._onPointerMove(o);break;default:return}};let{interleaved:e=!1}=t;this._interleaved=e,this._props=this.filterProps(t)}filterProps(t){let{interleaved:e,useDevicePixels:n,...r}=t;return!this._interleaved&&n!==void 0&&(r.useDevicePixels=n),r}setProps(t){this._interleaved&&t.layers&&this._resolveLayers(this._map,this._deck,this._props.layers,t.layers),Object.assign(this._props,this.filterProps(t)),this._deck&&this._map&&this._deck.setProps({...this._props,views:this._getViews(this._map),parameters:{...Bo(this._map,this._interleaved),...this._props.parameters}})}onAdd(t){return this._map=t,this._interleaved?this._onAddInterleaved(t):this._onAddOverlaid(t)}_onAddOverlaid(t){let e=document.createElement("div");return Object.assign(e.style,{position:"absolute",left:0,top:0,textAlign:"initial",pointerEvents:"none"}),this._container=e,this._deck=new _o({...this._props,parent:e,deviceProps:{...this._props.deviceProps,createCanvasContext:{...typeof this._props.deviceProps?.createCanvasContext=="object"?this._props.deviceProps.createCanvasContext:void 0,pixelSizeSource:"css-dpr"}},parameters:{...Bo(t,!1),...this._props.parameters},views:this._getViews(t),viewState:Si(t)}),t.on("resize",this._updateContainerSize),t.on("render",this._updateViewState),t.on("mousedown",this._handleMouseEvent),t.on("dragstart",this._handleMouseEvent),t.on("drag",this._handleMouseEvent),t.on("dragend",this._handleMouseEvent),t.on("mousemove",this._handleMouseEvent),t.on("mouseout",this._handleMouseEvent),t.on("click",this._handleMouseEvent),t.on("dblclick",this._handleMouseEvent),this._updateContainerSize(),e}_onAddInterleaved(t){let e=t.painter.context.gl;return e instanceof WebGLRenderingContext&&I.warn("Incompatible basemap library. See: https://deck.gl/docs/api-reference/mapbox/overview#compatibility")(),this._deck=id({map:t,deck:new _o({...this._props,views:this._getViews(t),gl:e,parameters:{...Bo(t,!0),...this._props.parameters}})}),t.on("styledata",this._handleStyleChange),this._resolveLayers(t,this._deck,[],this._props.layers),document.createElement("div")}_resolveLayers(t,e,n,r){td(t,n,r)}onRemove(){let t=this._map;t&&(this._interleaved?this._onRemoveInterleaved(t):this._onRemoveOverlaid(t)),this._deck=void 0,this._map=void 0,this._container=void 0}_onRemoveOverlaid(t){t.off("resize",this._updateContainerSize),t.off("render",this._updateViewState),t.off("mousedown",this._handleMouseEvent),t.off("dragstart",this._handleMouseEvent),t.off("drag",this._handleMouseEvent),t.off("dragend",this._handleMouseEvent),t.off("mousemove",this._handleMouseEvent),t.off("mouseout",this._handleMouseEvent),t.off("click",this._handleMouseEvent),t.off("dblclick",this._handleMouseEvent),this._deck?.finalize()}_onRemoveInterleaved(t){t.off("styledata",this._handleStyleChange),this._resolveLayers(t,this._deck,this._props.layers,[]),nd(t)}getDefaultPosition(){return"top-left"}pickObject(t){return D(this._deck),this._deck.pickObject(t)}pickMultipleObjects(t){return D(this._deck),this._deck.pickMultipleObjects(t)}pickObjects(t){return D(this._deck),this._deck.pickObjects(t)}finalize(){this._map&&this._map.removeControl(this)}getCanvas(){return this._map?this._interleaved?this._map.getCanvas():this._deck.getCanvas():null}_getViews(t){if(!this._props.views)return Zn(t);let e=Array.isArray(this._props.views)?this._props.views:[this._props.views];return e.some(r=>r.id===Ge)?this._props.views:[Zn(t),...e]}};var od=`layout(std140) uniform iconUniforms {
  float sizeScale;
  vec2 iconsTextureDim;
  float sizeBasis;
  float sizeMinPixels;
  float sizeMaxPixels;
  bool billboard;
  highp int sizeUnits;
  float alphaCutoff;
} icon;
`,sd={name:"icon",vs:od,fs:od,uniformTypes:{sizeScale:"f32",iconsTextureDim:"vec2<f32>",sizeBasis:"f32",sizeMinPixels:"f32",sizeMaxPixels:"f32",billboard:"f32",sizeUnits:"i32",alphaCutoff:"f32"}};var ad=`#version 300 es
#define SHADER_NAME icon-layer-vertex-shader
in vec2 positions;
in vec3 instancePositions;
in vec3 instancePositions64Low;
in float instanceSizes;
in float instanceAngles;
in vec4 instanceColors;
#ifdef USE_ROW_INDEXES
in float rowIndexes;
#endif
in vec4 instanceIconFrames;
in float instanceColorModes;
in vec2 instanceOffsets;
in vec2 instancePixelOffset;
out float vColorMode;
out vec4 vColor;
out vec2 vTextureCoords;
out vec2 uv;
vec2 rotate_by_angle(vec2 vertex, float angle) {
float angle_radian = angle * PI / 180.0;
float cos_angle = cos(angle_radian);
float sin_angle = sin(angle_radian);
mat2 rotationMatrix = mat2(cos_angle, -sin_angle, sin_angle, cos_angle);
return rotationMatrix * vertex;
}
void main(void) {
geometry.worldPosition = instancePositions;
geometry.uv = positions;
#ifdef USE_ROW_INDEXES
geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
#else
geometry.pickingColor = picking_getPickingColorFromInstanceID();
#endif
uv = positions;
vec2 iconSize = instanceIconFrames.zw;
float sizePixels = clamp(
project_size_to_pixel(instanceSizes * icon.sizeScale, icon.sizeUnits),
icon.sizeMinPixels, icon.sizeMaxPixels
);
float iconConstraint = icon.sizeBasis == 0.0 ? iconSize.x : iconSize.y;
float instanceScale = iconConstraint == 0.0 ? 0.0 : sizePixels / iconConstraint;
vec2 pixelOffset = positions / 2.0 * iconSize + instanceOffsets;
pixelOffset = rotate_by_angle(pixelOffset, instanceAngles) * instanceScale;
pixelOffset += instancePixelOffset;
pixelOffset.y *= -1.0;
if (icon.billboard)  {
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, vec3(0.0), geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
vec3 offset = vec3(pixelOffset, 0.0);
DECKGL_FILTER_SIZE(offset, geometry);
gl_Position.xy += project_pixel_size_to_clipspace(offset.xy);
} else {
vec3 offset_common = vec3(project_pixel_size(pixelOffset), 0.0);
DECKGL_FILTER_SIZE(offset_common, geometry);
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, offset_common, geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
}
vTextureCoords = mix(
instanceIconFrames.xy,
instanceIconFrames.xy + iconSize,
(positions.xy + 1.0) / 2.0
) / icon.iconsTextureDim;
vColor = instanceColors;
DECKGL_FILTER_COLOR(vColor, geometry);
vColorMode = instanceColorModes;
}
`;var cd=`#version 300 es
#define SHADER_NAME icon-layer-fragment-shader
precision highp float;
uniform sampler2D iconsTexture;
in float vColorMode;
in vec4 vColor;
in vec2 vTextureCoords;
in vec2 uv;
out vec4 fragColor;
void main(void) {
geometry.uv = uv;
vec4 texColor = texture(iconsTexture, vTextureCoords);
vec3 color = mix(texColor.rgb, vColor.rgb, vColorMode);
float a = texColor.a * layer.opacity * vColor.a;
if (a < icon.alphaCutoff) {
discard;
}
fragColor = vec4(color, a);
DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;var U_=`struct IconUniforms {
  sizeScale: f32,
  iconsTextureDim: vec2<f32>,
  sizeBasis: f32,
  sizeMinPixels: f32,
  sizeMaxPixels: f32,
  billboard: i32,
  sizeUnits: i32,
  alphaCutoff: f32
};

@group(0) @binding(auto) var<uniform> icon: IconUniforms;
@group(0) @binding(auto) var iconsTexture : texture_2d<f32>;
@group(0) @binding(auto) var iconsTextureSampler : sampler;

fn rotate_by_angle(vertex: vec2<f32>, angle_deg: f32) -> vec2<f32> {
  let angle_radian = angle_deg * PI / 180.0;
  let c = cos(angle_radian);
  let s = sin(angle_radian);
  let rotation = mat2x2<f32>(vec2<f32>(c, s), vec2<f32>(-s, c));
  return rotation * vertex;
}

struct Attributes {
  @builtin(instance_index) instanceIndex : u32,
  @location(0) positions: vec2<f32>,

  @location(1) instancePositions: vec3<f32>,
  @location(2) instancePositions64Low: vec3<f32>,
  @location(3) instanceSizes: f32,
  @location(4) instanceAngles: f32,
  @location(5) instanceColors: vec4<f32>,
  @location(6) instanceIconFrames: vec4<f32>,
  @location(7) instanceColorModes: f32,
  @location(8) instanceOffsets: vec2<f32>,
  @location(9) instancePixelOffset: vec2<f32>,
  PICKING_COLOR_ATTRIBUTE
};

struct Varyings {
  @builtin(position) position: vec4<f32>,

  @location(0) vColorMode: f32,
  @location(1) vColor: vec4<f32>,
  @location(2) vTextureCoords: vec2<f32>,
  @location(3) uv: vec2<f32>,
  @location(4) pickingColor: vec3<f32>,
};

@vertex
fn vertexMain(inp: Attributes) -> Varyings {
  // write geometry fields used by filters + FS
  geometry.worldPosition = inp.instancePositions;
  geometry.uv = inp.positions;
  geometry.pickingColor = PICKING_COLOR_VALUE;

  var outp: Varyings;
  outp.uv = inp.positions;

  let iconSize = inp.instanceIconFrames.zw;

  // convert size in meters to pixels, then clamp
  let sizePixels = clamp(
    project_unit_size_to_pixel(inp.instanceSizes * icon.sizeScale, icon.sizeUnits),
    icon.sizeMinPixels, icon.sizeMaxPixels
  );

  // scale icon height to match instanceSize
  let iconConstraint = select(iconSize.y, iconSize.x, icon.sizeBasis == 0.0);
  let instanceScale = select(sizePixels / iconConstraint, 0.0, iconConstraint == 0.0);

  // scale and rotate vertex in "pixel" units; then add per-instance pixel offset
  var pixelOffset = inp.positions / 2.0 * iconSize + inp.instanceOffsets;
  pixelOffset = rotate_by_angle(pixelOffset, inp.instanceAngles) * instanceScale;
  pixelOffset = pixelOffset + inp.instancePixelOffset;
  pixelOffset.y = pixelOffset.y * -1.0;

  if (icon.billboard != 0) {
    var pos = project_position_to_clipspace(inp.instancePositions, inp.instancePositions64Low, vec3<f32>(0.0)); // TODO, &geometry.position);
    // DECKGL_FILTER_GL_POSITION(pos, geometry);

    var offset = vec3<f32>(pixelOffset, 0.0);
    // DECKGL_FILTER_SIZE(offset, geometry);
    let clipOffset = project_pixel_size_to_clipspace(offset.xy);
    pos = vec4<f32>(pos.x + clipOffset.x, pos.y + clipOffset.y, pos.z, pos.w);
    outp.position = pos;
  } else {
    var offset_common = vec3<f32>(project_pixel_size_vec2(pixelOffset), 0.0);
    // DECKGL_FILTER_SIZE(offset_common, geometry);
    var pos = project_position_to_clipspace(inp.instancePositions, inp.instancePositions64Low, offset_common); // TODO, &geometry.position);
    // DECKGL_FILTER_GL_POSITION(pos, geometry);
    outp.position = pos;
  }

  let uvMix = (inp.positions.xy + vec2<f32>(1.0, 1.0)) * 0.5;
  outp.vTextureCoords = mix(inp.instanceIconFrames.xy, inp.instanceIconFrames.xy + iconSize, uvMix) / icon.iconsTextureDim;

  outp.vColor = inp.instanceColors;
  // DECKGL_FILTER_COLOR(outp.vColor, geometry);

  outp.vColorMode = inp.instanceColorModes;
  outp.pickingColor = geometry.pickingColor;

  return outp;
}

@fragment
fn fragmentMain(inp: Varyings) -> @location(0) vec4<f32> {
  // expose to deck.gl filter hooks
  geometry.uv = inp.uv;

  let texColor = textureSample(iconsTexture, iconsTextureSampler, inp.vTextureCoords);

  // if colorMode == 0, use pixel color from the texture
  // if colorMode == 1 (or picking), use texture as transparency mask
  let rgb = mix(texColor.rgb, inp.vColor.rgb, inp.vColorMode);
  let a = texColor.a * layer.opacity * inp.vColor.a;

  if (a < icon.alphaCutoff) {
    discard;
  }

  if (picking.isActive > 0.5) {
    if (!picking_isColorValid(inp.pickingColor)) {
      discard;
    }
    return vec4<f32>(inp.pickingColor, 1.0);
  }

  var fragColor = deckgl_premultiplied_alpha(vec4<f32>(rgb, a));

  if (picking.isHighlightActive > 0.5) {
    let highlightedObjectColor = picking_normalizeColor(picking.highlightedObjectColor);
    if (picking_isColorZero(abs(inp.pickingColor - highlightedObjectColor))) {
      let highLightAlpha = picking.highlightColor.a;
      let blendedAlpha = highLightAlpha + fragColor.a * (1.0 - highLightAlpha);
      if (blendedAlpha > 0.0) {
        let highLightRatio = highLightAlpha / blendedAlpha;
        fragColor = vec4<f32>(
          mix(fragColor.rgb, picking.highlightColor.rgb, highLightRatio),
          blendedAlpha
        );
      } else {
        fragColor = vec4<f32>(fragColor.rgb, 0.0);
      }
    }
  }

  return fragColor;
}
`;function ld(i){return U_.replace("PICKING_COLOR_ATTRIBUTE",i?"@location(10) rowIndexes: u32,":"").replace("PICKING_COLOR_VALUE",i?"picking_getPickingColorFromIndex(inp.rowIndexes)":"picking_getPickingColorFromIndex(inp.instanceIndex)")}var F_=1024,G_=4,fd=()=>{},hd={minFilter:"linear",mipmapFilter:"linear",magFilter:"linear",addressModeU:"clamp-to-edge",addressModeV:"clamp-to-edge"},W_={x:0,y:0,width:0,height:0};function Y_(i){return Math.pow(2,Math.ceil(Math.log2(i)))}function $_(i,t,e,n){let r=Math.min(e/t.width,n/t.height),o=Math.floor(t.width*r),s=Math.floor(t.height*r);return r===1?{image:t,width:o,height:s}:(i.canvas.height=s,i.canvas.width=o,i.clearRect(0,0,o,s),i.drawImage(t,0,0,t.width,t.height,0,0,o,s),{image:i.canvas,width:o,height:s})}function qn(i){return i&&(i.id||i.url)}function dd(i){let{device:t}=i;t.type==="webgl"?i.generateMipmapsWebGL():t.type==="webgpu"&&t.generateMipmapsWebGPU(i)}function H_(i,t,e,n){let{width:r,height:o,device:s}=i,a=s.createTexture({format:"rgba8unorm",width:t,height:e,sampler:n,mipLevels:s.getMipLevelCount(t,e)}),c=s.createCommandEncoder();c.copyTextureToTexture({sourceTexture:i,destinationTexture:a,width:r,height:o});let l=c.finish();return s.submit(l),dd(a),i.destroy(),a}function ud(i,t,e){for(let n=0;n<t.length;n++){let{icon:r,xOffset:o}=t[n],s=qn(r);i[s]={...r,x:o,y:e}}}function Z_({icons:i,buffer:t,mapping:e={},xOffset:n=0,yOffset:r=0,rowHeight:o=0,canvasWidth:s}){let a=[];for(let c=0;c<i.length;c++){let l=i[c],f=qn(l);if(!e[f]){let{height:h,width:u}=l;n+u+t>s&&(ud(e,a,r),n=0,r=o+r+t,o=0,a=[]),a.push({icon:l,xOffset:n}),n=n+u+t,o=Math.max(o,h)}}return a.length>0&&ud(e,a,r),{mapping:e,rowHeight:o,xOffset:n,yOffset:r,canvasWidth:s,canvasHeight:Y_(o+r+t)}}function q_(i,t,e){if(!i||!t)return null;e=e||{};let n={},{iterable:r,objectInfo:o}=ne(i);for(let s of r){o.index++;let a=t(s,o),c=qn(a);if(!a)throw new Error("Icon is missing.");if(!a.url)throw new Error("Icon url is missing.");!n[c]&&(!e[c]||a.url!==e[c].url)&&(n[c]={...a,source:s,sourceIndex:o.index})}return n}var Xn=class{constructor(t,{onUpdate:e=fd,onError:n=fd}){this._loadOptions=null,this._texture=null,this._externalTexture=null,this._mapping={},this._samplerParameters=null,this._pendingCount=0,this._autoPacking=!1,this._xOffset=0,this._yOffset=0,this._rowHeight=0,this._buffer=G_,this._canvasWidth=F_,this._canvasHeight=0,this._canvas=null,this.device=t,this.onUpdate=e,this.onError=n}finalize(){this._texture?.delete()}getTexture(){return this._texture||this._externalTexture}getIconMapping(t){let e=this._autoPacking?qn(t):t;return this._mapping[e]||W_}setProps({loadOptions:t,autoPacking:e,iconAtlas:n,iconMapping:r,textureParameters:o}){t&&(this._loadOptions=t),e!==void 0&&(this._autoPacking=e),r&&(this._mapping=r),n&&(this._texture?.delete(),this._texture=null,this._externalTexture=n),o&&(this._samplerParameters=o)}get isLoaded(){return this._pendingCount===0}packIcons(t,e){if(!this._autoPacking||typeof document>"u")return;let n=Object.values(q_(t,e,this._mapping)||{});if(n.length>0){let{mapping:r,xOffset:o,yOffset:s,rowHeight:a,canvasHeight:c}=Z_({icons:n,buffer:this._buffer,canvasWidth:this._canvasWidth,mapping:this._mapping,rowHeight:this._rowHeight,xOffset:this._xOffset,yOffset:this._yOffset});this._rowHeight=a,this._mapping=r,this._xOffset=o,this._yOffset=s,this._canvasHeight=c,this._texture||(this._texture=this.device.createTexture({format:"rgba8unorm",data:null,width:this._canvasWidth,height:this._canvasHeight,sampler:this._samplerParameters||hd,mipLevels:this.device.getMipLevelCount(this._canvasWidth,this._canvasHeight)})),this._texture.height!==this._canvasHeight&&(this._texture=H_(this._texture,this._canvasWidth,this._canvasHeight,this._samplerParameters||hd)),this.onUpdate(!0),this._canvas=this._canvas||document.createElement("canvas"),this._loadIcons(n)}}_loadIcons(t){let e=this._canvas.getContext("2d",{willReadFrequently:!0});for(let n of t)this._pendingCount++,fe(n.url,this._loadOptions).then(r=>{let o=qn(n),s=this._mapping[o],{x:a,y:c,width:l,height:f}=s,{image:h,width:u,height:d}=$_(e,r,l,f),p=a+(l-u)/2,g=c+(f-d)/2;this._texture?.copyExternalImage({image:h,x:p,y:g,width:u,height:d}),s.x=p,s.y=g,s.width=u,s.height=d,this._texture&&dd(this._texture),this.onUpdate(u!==l||d!==f)}).catch(r=>{this.onError({url:n.url,source:n.source,sourceIndex:n.sourceIndex,loadOptions:this._loadOptions,error:r})}).finally(()=>{this._pendingCount--})}};var pd=[0,0,0,255],X_={iconAtlas:{type:"image",value:null,async:!0},iconMapping:{type:"object",value:{},async:!0},sizeScale:{type:"number",value:1,min:0},billboard:!0,sizeUnits:"pixels",sizeBasis:"height",sizeMinPixels:{type:"number",min:0,value:0},sizeMaxPixels:{type:"number",min:0,value:Number.MAX_SAFE_INTEGER},alphaCutoff:{type:"number",value:.05,min:0,max:1},getPosition:{type:"accessor",value:i=>i.position},getIcon:{type:"accessor",value:i=>i.icon},getColor:{type:"accessor",value:pd},getSize:{type:"accessor",value:1},getAngle:{type:"accessor",value:0},getPixelOffset:{type:"accessor",value:[0,0]},onIconError:{type:"function",value:null,optional:!0},textureParameters:{type:"object",ignore:!0,value:null}},Kn=class extends Lt{getShaders(){let t=!!this.props.data?.attributes?.rowIndexes;return super.getShaders({vs:ad,fs:cd,source:ld(t),defines:t?{USE_ROW_INDEXES:!0}:{},modules:[Ut,Bt,Ft,sd]})}initializeState(){this.state={iconManager:new Xn(this.context.device,{onUpdate:this._onUpdate.bind(this),onError:this._onError.bind(this)})},this.getAttributeManager().addInstanced({instancePositions:{size:3,type:"float64",fp64:this.use64bitPositions(),transition:!0,accessor:"getPosition"},instanceSizes:{size:1,transition:!0,bufferGroup:"icon-instance-data",accessor:"getSize",defaultValue:1},instanceIconDefs:{size:7,bufferGroup:"icon-instance-data",accessor:"getIcon",transform:this.getInstanceIconDef,shaderAttributes:{instanceOffsets:{size:2,elementOffset:0},instanceIconFrames:{size:4,elementOffset:2},instanceColorModes:{size:1,elementOffset:6}}},instanceColors:{size:this.props.colorFormat.length,type:"unorm8",transition:!0,bufferGroup:"icon-instance-data",accessor:"getColor",defaultValue:pd},instanceAngles:{size:1,transition:!0,bufferGroup:"icon-instance-data",accessor:"getAngle"},instancePixelOffset:{size:2,transition:!0,bufferGroup:"icon-instance-data",accessor:"getPixelOffset"},...this.props.data?.attributes?.rowIndexes?{rowIndexes:{size:1,type:"uint32",noAlloc:!0}}:{}})}updateState(t){super.updateState(t);let{props:e,oldProps:n,changeFlags:r}=t,o=this.getAttributeManager(),{iconAtlas:s,iconMapping:a,data:c,getIcon:l,textureParameters:f}=e,{iconManager:h}=this.state;if(typeof s=="string")return;let u=s||this.internalState.isAsyncPropLoading("iconAtlas");h.setProps({loadOptions:e.loadOptions,autoPacking:!u,iconAtlas:s,iconMapping:u?a:null,textureParameters:f}),u?n.iconMapping!==e.iconMapping&&o.invalidate("getIcon"):(r.dataChanged||r.updateTriggersChanged&&(r.updateTriggersChanged.all||r.updateTriggersChanged.getIcon))&&h.packIcons(c,l),r.extensionsChanged&&(this.state.model?.destroy(),this.state.model=this._getModel(),o.invalidateAll())}get isLoaded(){return super.isLoaded&&this.state.iconManager.isLoaded}finalizeState(t){super.finalizeState(t),this.state.iconManager.finalize()}draw({uniforms:t}){this._drawModel(this.state.model)}_drawModel(t){let{sizeScale:e,sizeBasis:n,sizeMinPixels:r,sizeMaxPixels:o,sizeUnits:s,billboard:a,alphaCutoff:c}=this.props,{iconManager:l}=this.state,f=l.getTexture();if(f){let h={iconsTexture:f,iconsTextureDim:[f.width,f.height],sizeUnits:rt[s],sizeScale:e,sizeBasis:n==="height"?1:0,sizeMinPixels:r,sizeMaxPixels:o,billboard:a,alphaCutoff:c};t.shaderInputs.setProps({icon:h}),t.draw(this.context.renderPass)}}_getModel(t=this.props.id){let e=[-1,-1,1,-1,-1,1,1,1];return new At(this.context.device,{...this.getShaders(),id:t,bufferLayout:this.getAttributeManager().getBufferLayouts(),geometry:new Yt({topology:"triangle-strip",attributes:{positions:{size:2,value:new Float32Array(e)}}}),isInstanced:!0})}_onUpdate(t){t?(this.getAttributeManager()?.invalidate("getIcon"),this.setNeedsUpdate()):this.setNeedsRedraw()}_onError(t){let e=this.getCurrentLayer()?.props.onIconError;e?e(t):I.error(t.error.message)()}getInstanceIconDef(t){let{x:e,y:n,width:r,height:o,mask:s,anchorX:a=r/2,anchorY:c=o/2}=this.state.iconManager.getIconMapping(t);return[r/2-a,o/2-c,e,n,r,o,s?1:0]}};Kn.defaultProps=X_;Kn.layerName="IconLayer";var Mc=Kn;var gd=`layout(std140) uniform scatterplotUniforms {
  float radiusScale;
  float radiusMinPixels;
  float radiusMaxPixels;
  float lineWidthScale;
  float lineWidthMinPixels;
  float lineWidthMaxPixels;
  float stroked;
  float filled;
  bool antialiasing;
  bool billboard;
  highp int radiusUnits;
  highp int lineWidthUnits;
} scatterplot;
`,md={name:"scatterplot",vs:gd,fs:gd,source:"",uniformTypes:{radiusScale:"f32",radiusMinPixels:"f32",radiusMaxPixels:"f32",lineWidthScale:"f32",lineWidthMinPixels:"f32",lineWidthMaxPixels:"f32",stroked:"f32",filled:"f32",antialiasing:"f32",billboard:"f32",radiusUnits:"i32",lineWidthUnits:"i32"}};var yd=`#version 300 es
#define SHADER_NAME scatterplot-layer-vertex-shader
in vec3 positions;
in vec3 instancePositions;
in vec3 instancePositions64Low;
in float instanceRadius;
in float instanceLineWidths;
in vec4 instanceFillColors;
in vec4 instanceLineColors;
#ifdef USE_ROW_INDEXES
in float rowIndexes;
#endif
in vec2 instancePixelOffset;
out vec4 vFillColor;
out vec4 vLineColor;
out vec2 unitPosition;
out float innerUnitRadius;
out float outerRadiusPixels;
void main(void) {
geometry.worldPosition = instancePositions;
outerRadiusPixels = clamp(
project_size_to_pixel(scatterplot.radiusScale * instanceRadius, scatterplot.radiusUnits),
scatterplot.radiusMinPixels, scatterplot.radiusMaxPixels
);
float lineWidthPixels = clamp(
project_size_to_pixel(scatterplot.lineWidthScale * instanceLineWidths, scatterplot.lineWidthUnits),
scatterplot.lineWidthMinPixels, scatterplot.lineWidthMaxPixels
);
outerRadiusPixels += scatterplot.stroked * lineWidthPixels / 2.0;
float edgePadding = scatterplot.antialiasing ? (outerRadiusPixels + SMOOTH_EDGE_RADIUS) / outerRadiusPixels : 1.0;
unitPosition = edgePadding * positions.xy;
geometry.uv = unitPosition;
#ifdef USE_ROW_INDEXES
geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
#else
geometry.pickingColor = picking_getPickingColorFromInstanceID();
#endif
innerUnitRadius = 1.0 - scatterplot.stroked * lineWidthPixels / outerRadiusPixels;
if (scatterplot.billboard) {
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, vec3(0.0), geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
vec3 offset = edgePadding * positions * outerRadiusPixels;
offset.xy += instancePixelOffset;
DECKGL_FILTER_SIZE(offset, geometry);
gl_Position.xy += project_pixel_size_to_clipspace(offset.xy);
} else {
vec3 offset = edgePadding * positions * project_pixel_size(outerRadiusPixels);
offset.xy += project_pixel_size(instancePixelOffset);
DECKGL_FILTER_SIZE(offset, geometry);
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, offset, geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
}
vFillColor = vec4(instanceFillColors.rgb, instanceFillColors.a * layer.opacity);
DECKGL_FILTER_COLOR(vFillColor, geometry);
vLineColor = vec4(instanceLineColors.rgb, instanceLineColors.a * layer.opacity);
DECKGL_FILTER_COLOR(vLineColor, geometry);
}
`;var xd=`#version 300 es
#define SHADER_NAME scatterplot-layer-fragment-shader
precision highp float;
in vec4 vFillColor;
in vec4 vLineColor;
in vec2 unitPosition;
in float innerUnitRadius;
in float outerRadiusPixels;
out vec4 fragColor;
void main(void) {
geometry.uv = unitPosition;
float distToCenter = length(unitPosition) * outerRadiusPixels;
float inCircle = scatterplot.antialiasing ?
smoothedge(distToCenter, outerRadiusPixels) :
step(distToCenter, outerRadiusPixels);
if (inCircle == 0.0) {
discard;
}
if (scatterplot.stroked > 0.5) {
float isLine = scatterplot.antialiasing ?
smoothedge(innerUnitRadius * outerRadiusPixels, distToCenter) :
step(innerUnitRadius * outerRadiusPixels, distToCenter);
if (scatterplot.filled > 0.5) {
fragColor = mix(vFillColor, vLineColor, isLine);
} else {
if (isLine == 0.0) {
discard;
}
fragColor = vec4(vLineColor.rgb, vLineColor.a * isLine);
}
} else if (scatterplot.filled < 0.5) {
discard;
} else {
fragColor = vFillColor;
}
fragColor.a *= inCircle;
DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;var K_=`// Main shaders

struct ScatterplotUniforms {
  radiusScale: f32,
  radiusMinPixels: f32,
  radiusMaxPixels: f32,
  lineWidthScale: f32,
  lineWidthMinPixels: f32,
  lineWidthMaxPixels: f32,
  stroked: f32,
  filled: i32,
  antialiasing: i32,
  billboard: i32,
  radiusUnits: i32,
  lineWidthUnits: i32,
};

@group(0) @binding(0) var<uniform> scatterplot: ScatterplotUniforms;

struct Attributes {
  @builtin(instance_index) instanceIndex : u32,
  @builtin(vertex_index) vertexIndex : u32,
  @location(0) positions: vec3<f32>,
  @location(1) instancePositions: vec3<f32>,
  @location(2) instancePositions64Low: vec3<f32>,
  @location(3) instanceRadius: f32,
  @location(4) instanceLineWidths: f32,
  @location(5) instanceFillColors: vec4<f32>,
  @location(6) instanceLineColors: vec4<f32>,
  @location(7) instancePixelOffset: vec2<f32>,
  PICKING_COLOR_ATTRIBUTE
};

struct Varyings {
  @builtin(position) position: vec4<f32>,
  @location(0) vFillColor: vec4<f32>,
  @location(1) vLineColor: vec4<f32>,
  @location(2) unitPosition: vec2<f32>,
  @location(3) innerUnitRadius: f32,
  @location(4) outerRadiusPixels: f32,
  @location(5) pickingColor: vec3<f32>,
  @location(6) clipCoordinates: vec2<f32>,
};

@vertex
fn vertexMain(attributes: Attributes) -> Varyings {
  var varyings: Varyings;

  // Draw an inline geometry constant array clip space triangle to verify that rendering works.
  // var positions = array<vec2<f32>, 3>(vec2(0.0, 0.5), vec2(-0.5, -0.5), vec2(0.5, -0.5));
  // if (attributes.instanceIndex == 0) {
  //   varyings.position = vec4<f32>(positions[attributes.vertexIndex], 0.0, 1.0);
  //   return varyings;
  // }

  geometry.worldPosition = attributes.instancePositions;

  // Multiply out radius and clamp to limits
  varyings.outerRadiusPixels = clamp(
    project_unit_size_to_pixel(scatterplot.radiusScale * attributes.instanceRadius, scatterplot.radiusUnits),
    scatterplot.radiusMinPixels, scatterplot.radiusMaxPixels
  );

  // Multiply out line width and clamp to limits
  let lineWidthPixels = clamp(
    project_unit_size_to_pixel(scatterplot.lineWidthScale * attributes.instanceLineWidths, scatterplot.lineWidthUnits),
    scatterplot.lineWidthMinPixels, scatterplot.lineWidthMaxPixels
  );

  // outer radius needs to offset by half stroke width
  varyings.outerRadiusPixels += scatterplot.stroked * lineWidthPixels / 2.0;
  // Expand geometry to accommodate edge smoothing
  // WGSL selects the second value when the condition is true, so keep the antialiased path second.
  let edgePadding = select(
    1.0,
    (varyings.outerRadiusPixels + SMOOTH_EDGE_RADIUS) / varyings.outerRadiusPixels,
    scatterplot.antialiasing != 0
  );

  // position on the containing square in [-1, 1] space
  varyings.unitPosition = edgePadding * attributes.positions.xy;
  geometry.uv = varyings.unitPosition;
  geometry.pickingColor = PICKING_COLOR_VALUE;

  varyings.innerUnitRadius = 1.0 - scatterplot.stroked * lineWidthPixels / varyings.outerRadiusPixels;

  if (scatterplot.billboard != 0) {
    let projectedPosition = project_position_to_clipspace_and_commonspace(
      attributes.instancePositions,
      attributes.instancePositions64Low,
      vec3<f32>(0.0)
    );
    geometry.position = projectedPosition.commonPosition;
    varyings.position = projectedPosition.clipPosition;
    // DECKGL_FILTER_GL_POSITION(varyings.position, geometry);
    var offset = edgePadding * attributes.positions * varyings.outerRadiusPixels;
    offset = vec3<f32>(offset.xy + attributes.instancePixelOffset, offset.z);
    // DECKGL_FILTER_SIZE(offset, geometry);
    let clipPixels = project_pixel_size_to_clipspace(offset.xy);
    varyings.position = vec4<f32>(varyings.position.x + clipPixels.x, varyings.position.y + clipPixels.y, varyings.position.z, varyings.position.w);
    geometry.position = vec4<f32>(
      geometry.position.xy + project_pixel_size_vec2(offset.xy),
      geometry.position.zw
    );
  } else {
    var offset = edgePadding * attributes.positions * project_pixel_size_float(varyings.outerRadiusPixels);
    offset = vec3<f32>(offset.xy + project_pixel_size_vec2(attributes.instancePixelOffset), offset.z);
    // DECKGL_FILTER_SIZE(offset, geometry);
    let projectedPosition = project_position_to_clipspace_and_commonspace(
      attributes.instancePositions,
      attributes.instancePositions64Low,
      offset
    );
    geometry.position = projectedPosition.commonPosition;
    varyings.position = projectedPosition.clipPosition;
    // DECKGL_FILTER_GL_POSITION(varyings.position, geometry);
  }

  varyings.clipCoordinates = geometry.position.xy;
  clip_filterPosition(&varyings.position, geometry.worldPosition.xy);

  // Apply opacity to instance color, or return instance picking color
  varyings.vFillColor = vec4<f32>(attributes.instanceFillColors.rgb, attributes.instanceFillColors.a * layer.opacity);
  // DECKGL_FILTER_COLOR(varyings.vFillColor, geometry);
  varyings.vLineColor = vec4<f32>(attributes.instanceLineColors.rgb, attributes.instanceLineColors.a * layer.opacity);
  // DECKGL_FILTER_COLOR(varyings.vLineColor, geometry);
  varyings.pickingColor = geometry.pickingColor;

  return varyings;
}

@fragment
fn fragmentMain(varyings: Varyings) -> @location(0) vec4<f32> {
  // var geometry: Geometry;
  // geometry.uv = unitPosition;

  let distToCenter = length(varyings.unitPosition) * varyings.outerRadiusPixels;
  let inCircle = select(
    step(distToCenter, varyings.outerRadiusPixels),
    smoothedge(distToCenter, varyings.outerRadiusPixels),
    scatterplot.antialiasing != 0
  );

  if (inCircle == 0.0) {
    discard;
  }

  var fragColor: vec4<f32>;

  if (scatterplot.stroked != 0) {
    let isLine = select(
      step(varyings.innerUnitRadius * varyings.outerRadiusPixels, distToCenter),
      smoothedge(varyings.innerUnitRadius * varyings.outerRadiusPixels, distToCenter),
      scatterplot.antialiasing != 0
    );

    if (scatterplot.filled != 0) {
      fragColor = mix(varyings.vFillColor, varyings.vLineColor, isLine);
    } else {
      if (isLine == 0.0) {
        discard;
      }
      fragColor = vec4<f32>(varyings.vLineColor.rgb, varyings.vLineColor.a * isLine);
    }
  } else if (scatterplot.filled == 0) {
    discard;
  } else {
    fragColor = varyings.vFillColor;
  }

  fragColor.a *= inCircle;

  clip_filterColor(varyings.clipCoordinates);

  if (picking.isActive > 0.5) {
    if (!picking_isColorValid(varyings.pickingColor)) {
      discard;
    }
    return vec4<f32>(varyings.pickingColor, 1.0);
  }

  if (picking.isHighlightActive > 0.5) {
    let highlightedObjectColor = picking_normalizeColor(picking.highlightedObjectColor);
    if (picking_isColorZero(abs(varyings.pickingColor - highlightedObjectColor))) {
      let highLightAlpha = picking.highlightColor.a;
      let blendedAlpha = highLightAlpha + fragColor.a * (1.0 - highLightAlpha);
      if (blendedAlpha > 0.0) {
        let highLightRatio = highLightAlpha / blendedAlpha;
        fragColor = vec4<f32>(
          mix(fragColor.rgb, picking.highlightColor.rgb, highLightRatio),
          blendedAlpha
        );
      } else {
        fragColor = vec4<f32>(fragColor.rgb, 0.0);
      }
    }
  }

  // Apply premultiplied alpha as required by transparent canvas
  fragColor = deckgl_premultiplied_alpha(fragColor);

  return fragColor;
  // return vec4<f32>(0, 0, 1, 1);
}
`;function vd(i){return K_.replace("PICKING_COLOR_ATTRIBUTE",i?"@location(8) rowIndexes: u32,":"").replace("PICKING_COLOR_VALUE",i?"picking_getPickingColorFromIndex(attributes.rowIndexes)":"picking_getPickingColorFromIndex(attributes.instanceIndex)")}var J_=`struct ClipUniforms {
  enabled: i32,
  mode: i32,
  bounds: vec4<f32>,
};

@group(2) @binding(auto) var<uniform> clipUniforms: ClipUniforms;

fn clip_isInBounds(coordinates: vec2<f32>) -> bool {
  return coordinates.x >= clipUniforms.bounds.x &&
    coordinates.y >= clipUniforms.bounds.y &&
    coordinates.x < clipUniforms.bounds.z &&
    coordinates.y < clipUniforms.bounds.w;
}

fn clip_filterPosition(position: ptr<function, vec4<f32>>, instanceCoordinates: vec2<f32>) {
  if (
    clipUniforms.enabled != 0 &&
    clipUniforms.mode == 1 &&
    !clip_isInBounds(instanceCoordinates)
  ) {
    *position = vec4<f32>(2.0, 2.0, 2.0, 1.0);
  }
}

fn clip_filterColor(geometryCoordinates: vec2<f32>) {
  if (
    clipUniforms.enabled != 0 &&
    clipUniforms.mode == 0 &&
    !clip_isInBounds(geometryCoordinates)
  ) {
    discard;
  }
}
`,Q_={name:"clip",source:J_,props:{},uniforms:{},bindingLayout:[{name:"clip",group:2}],uniformTypes:{enabled:"i32",mode:"i32",bounds:"vec4<f32>"},defaultUniforms:{enabled:0,mode:0,bounds:[0,0,1,1]},getUniforms(i={}){let t={};return i.enabled!==void 0&&(t.enabled=i.enabled?1:0),i.mode!==void 0&&(t.mode=i.mode==="instance"?1:0),i.bounds!==void 0&&(t.bounds=i.bounds),t}},Ti=Q_;var _d=[0,0,0,255],tP={radiusUnits:"meters",radiusScale:{type:"number",min:0,value:1},radiusMinPixels:{type:"number",min:0,value:0},radiusMaxPixels:{type:"number",min:0,value:Number.MAX_SAFE_INTEGER},lineWidthUnits:"meters",lineWidthScale:{type:"number",min:0,value:1},lineWidthMinPixels:{type:"number",min:0,value:0},lineWidthMaxPixels:{type:"number",min:0,value:Number.MAX_SAFE_INTEGER},stroked:!1,filled:!0,billboard:!1,antialiasing:!0,getPosition:{type:"accessor",value:i=>i.position},getRadius:{type:"accessor",value:1},getFillColor:{type:"accessor",value:_d},getLineColor:{type:"accessor",value:_d},getLineWidth:{type:"accessor",value:1},getPixelOffset:{type:"accessor",value:[0,0]},strokeWidth:{deprecatedFor:"getLineWidth"},outline:{deprecatedFor:"stroked"},getColor:{deprecatedFor:["getFillColor","getLineColor"]}},Jn=class extends Lt{getShaders(){let t=!!this.props.data?.attributes?.rowIndexes;return super.getShaders({vs:yd,fs:xd,source:vd(t),defines:t?{USE_ROW_INDEXES:!0}:{},modules:[Ut,Bt,Ft,md,...this.context.device.type==="webgpu"?[Ti]:[]]})}initializeState(){let t=this.props.data?.attributes?.rowIndexes?{rowIndexes:{size:1,type:"uint32",noAlloc:!0}}:{};this.getAttributeManager().addInstanced({instancePositions:{size:3,type:"float64",fp64:this.use64bitPositions(),transition:!0,accessor:"getPosition"},instanceRadius:{size:1,transition:!0,accessor:"getRadius",defaultValue:1,bufferGroup:"scatterplot-instance-data"},instanceFillColors:{size:this.props.colorFormat.length,transition:!0,type:"unorm8",accessor:"getFillColor",defaultValue:[0,0,0,255],bufferGroup:"scatterplot-instance-data"},instanceLineColors:{size:this.props.colorFormat.length,transition:!0,type:"unorm8",accessor:"getLineColor",defaultValue:[0,0,0,255],bufferGroup:"scatterplot-instance-data"},instanceLineWidths:{size:1,transition:!0,accessor:"getLineWidth",defaultValue:1,bufferGroup:"scatterplot-instance-data"},instancePixelOffset:{size:2,transition:!0,accessor:"getPixelOffset",bufferGroup:"scatterplot-instance-data"},...t})}updateState(t){super.updateState(t),t.changeFlags.extensionsChanged&&(this.state.model?.destroy(),this.state.model=this._getModel(),this.getAttributeManager().invalidateAll())}draw({uniforms:t}){let{radiusUnits:e,radiusScale:n,radiusMinPixels:r,radiusMaxPixels:o,stroked:s,filled:a,billboard:c,antialiasing:l,lineWidthUnits:f,lineWidthScale:h,lineWidthMinPixels:u,lineWidthMaxPixels:d}=this.props,p={stroked:s,filled:a,billboard:c,antialiasing:l,radiusUnits:rt[e],radiusScale:n,radiusMinPixels:r,radiusMaxPixels:o,lineWidthUnits:rt[f],lineWidthScale:h,lineWidthMinPixels:u,lineWidthMaxPixels:d},g=this.state.model;g.shaderInputs.setProps({scatterplot:p}),g.draw(this.context.renderPass)}_getModel(){let t=[-1,-1,0,1,-1,0,-1,1,0,1,1,0];return new At(this.context.device,{...this.getShaders(),id:this.props.id,bufferLayout:this.getAttributeManager().getBufferLayouts(),geometry:new Yt({topology:"triangle-strip",attributes:{positions:{size:3,value:new Float32Array(t)}}}),isInstanced:!0})}};Jn.defaultProps=tP;Jn.layerName="ScatterplotLayer";var jo=Jn;var Vo={CLOCKWISE:1,COUNTER_CLOCKWISE:-1};function Qn(i,t,e={}){return Pd(i,e)!==t?(eP(i,e),!0):!1}function Pd(i,t={}){return Math.sign(Uo(i,t))}var Sc={x:0,y:1,z:2};function Uo(i,t={}){let{start:e=0,end:n=i.length,plane:r="xy"}=t,o=t.size||2,s=0,a=Sc[r[0]],c=Sc[r[1]];for(let l=e,f=n-o;l<n;l+=o)s+=(i[l+a]-i[f+a])*(i[l+c]+i[f+c]),f=l;return s/2}function eP(i,t){let{start:e=0,end:n=i.length,size:r=2}=t,o=(n-e)/r,s=Math.floor(o/2);for(let a=0;a<s;++a){let c=e+a*r,l=e+(o-1-a)*r;for(let f=0;f<r;++f){let h=i[c+f];i[c+f]=i[l+f],i[l+f]=h}}}function lt(i,t){let e=t.length,n=i.length;if(n>0){let r=!0;for(let o=0;o<e;o++)if(i[n-e+o]!==t[o]){r=!1;break}if(r)return!1}for(let r=0;r<e;r++)i[n+r]=t[r];return!0}function tr(i,t){let e=t.length;for(let n=0;n<e;n++)i[n]=t[n]}function ve(i,t,e,n,r=[]){let o=n+t*e;for(let s=0;s<e;s++)r[s]=i[o+s];return r}function Fo(i,t,e,n,r=[]){let o,s;if(e&8)o=(n[3]-i[1])/(t[1]-i[1]),s=3;else if(e&4)o=(n[1]-i[1])/(t[1]-i[1]),s=1;else if(e&2)o=(n[2]-i[0])/(t[0]-i[0]),s=2;else if(e&1)o=(n[0]-i[0])/(t[0]-i[0]),s=0;else return null;for(let a=0;a<i.length;a++)r[a]=(s&1)===a?n[s]:o*(t[a]-i[a])+i[a];return r}function er(i,t){let e=0;return i[0]<t[0]?e|=1:i[0]>t[2]&&(e|=2),i[1]<t[1]?e|=4:i[1]>t[3]&&(e|=8),e}function ir(i,t){let{size:e=2,broken:n=!1,gridResolution:r=10,gridOffset:o=[0,0],startIndex:s=0,endIndex:a=i.length}=t||{},c=(a-s)/e,l=[],f=[l],h=ve(i,0,e,s),u,d,p=Ed(h,r,o,[]),g=[];lt(l,h);for(let m=1;m<c;m++){for(u=ve(i,m,e,s,u),d=er(u,p);d;){Fo(h,u,d,p,g);let v=er(g,p);v&&(Fo(h,g,v,p,g),d=v),lt(l,g),tr(h,g),rP(p,r,d),n&&l.length>e&&(l=[],f.push(l),lt(l,h)),d=er(u,p)}lt(l,u),tr(h,u)}return n?f:f[0]}var wd=0,nP=1;function nr(i,t=null,e){if(!i.length)return[];let{size:n=2,gridResolution:r=10,gridOffset:o=[0,0],edgeTypes:s=!1}=e||{},a=[],c=[{pos:i,types:s?new Array(i.length/n).fill(nP):null,holes:t||[]}],l=[[],[]],f=[];for(;c.length;){let{pos:h,types:u,holes:d}=c.shift();oP(h,n,d[0]||h.length,l),f=Ed(l[0],r,o,f);let p=er(l[1],f);if(p){let g=bd(h,u,n,0,d[0]||h.length,f,p),m={pos:g[0].pos,types:g[0].types,holes:[]},v={pos:g[1].pos,types:g[1].types,holes:[]};c.push(m,v);for(let _=0;_<d.length;_++)g=bd(h,u,n,d[_],d[_+1]||h.length,f,p),g[0]&&(m.holes.push(m.pos.length),m.pos=Go(m.pos,g[0].pos),s&&(m.types=Go(m.types,g[0].types))),g[1]&&(v.holes.push(v.pos.length),v.pos=Go(v.pos,g[1].pos),s&&(v.types=Go(v.types,g[1].types)))}else{let g={positions:h};s&&(g.edgeTypes=u),d.length&&(g.holeIndices=d),a.push(g)}}return a}function bd(i,t,e,n,r,o,s){let a=(r-n)/e,c=[],l=[],f=[],h=[],u=[],d,p,g,m=ve(i,a-1,e,n),v=Math.sign(s&8?m[1]-o[3]:m[0]-o[2]),_=t&&t[a-1],y=0,x=0;for(let w=0;w<a;w++)d=ve(i,w,e,n,d),p=Math.sign(s&8?d[1]-o[3]:d[0]-o[2]),g=t&&t[n/e+w],p&&v&&v!==p&&(Fo(m,d,s,o,u),lt(c,u)&&f.push(_),lt(l,u)&&h.push(_)),p<=0?(lt(c,d)&&f.push(g),y-=p):f.length&&(f[f.length-1]=wd),p>=0?(lt(l,d)&&h.push(g),x+=p):h.length&&(h[h.length-1]=wd),tr(m,d),v=p,_=g;return[y?{pos:c,types:t&&f}:null,x?{pos:l,types:t&&h}:null]}function Ed(i,t,e,n){let r=Math.floor((i[0]-e[0])/t)*t+e[0],o=Math.floor((i[1]-e[1])/t)*t+e[1];return n[0]=r,n[1]=o,n[2]=r+t,n[3]=o+t,n}function rP(i,t,e){e&8?(i[1]+=t,i[3]+=t):e&4?(i[1]-=t,i[3]-=t):e&2?(i[0]+=t,i[2]+=t):e&1&&(i[0]-=t,i[2]-=t)}function oP(i,t,e,n){let r=1/0,o=-1/0,s=1/0,a=-1/0;for(let c=0;c<e;c+=t){let l=i[c],f=i[c+1];r=l<r?l:r,o=l>o?l:o,s=f<s?f:s,a=f>a?f:a}return n[0][0]=r,n[0][1]=s,n[1][0]=o,n[1][1]=a,n}function Go(i,t){for(let e=0;e<t.length;e++)i.push(t[e]);return i}var sP=85.051129;function Cc(i,t){let{size:e=2,startIndex:n=0,endIndex:r=i.length,normalize:o=!0}=t||{},s=i.slice(n,r);Md(s,e,0,r-n);let a=ir(s,{size:e,broken:!0,gridResolution:360,gridOffset:[-180,-180]});if(o)for(let c of a)Sd(c,e);return a}function Tc(i,t=null,e){let{size:n=2,normalize:r=!0,edgeTypes:o=!1}=e||{};t=t||[];let s=[],a=[],c=0,l=0;for(let h=0;h<=t.length;h++){let u=t[h]||i.length,d=l,p=aP(i,n,c,u);for(let g=p;g<u;g++)s[l++]=i[g];for(let g=c;g<p;g++)s[l++]=i[g];Md(s,n,d,l),cP(s,n,d,l,e?.maxLatitude),c=u,a[h]=l}a.pop();let f=nr(s,a,{size:n,gridResolution:360,gridOffset:[-180,-180],edgeTypes:o});if(r)for(let h of f)Sd(h.positions,n);return f}function aP(i,t,e,n){let r=-1,o=-1;for(let s=e+1;s<n;s+=t){let a=Math.abs(i[s]);a>r&&(r=a,o=s-1)}return o}function cP(i,t,e,n,r=sP){let o=i[e],s=i[n-t];if(Math.abs(o-s)>180){let a=ve(i,0,t,e);a[0]+=Math.round((s-o)/360)*360,lt(i,a),a[1]=Math.sign(a[1])*r,lt(i,a),a[0]=o,lt(i,a)}}function Md(i,t,e,n){let r=i[0],o;for(let s=e;s<n;s+=t){o=i[s];let a=o-r;(a>180||a<-180)&&(o-=Math.round(a/360)*360),i[s]=r=o}}function Sd(i,t){let e,n=i.length/t;for(let o=0;o<n&&(e=i[o*t],(e+180)%360===0);o++);let r=-Math.round(e/360)*360;if(r!==0)for(let o=0;o<n;o++)i[o*t]+=r}function Cd(i,t,e,n){let r;if(Array.isArray(i[0])){let o=i.length*t;r=new Array(o);for(let s=0;s<i.length;s++)for(let a=0;a<t;a++)r[s*t+a]=i[s][a]||0}else r=i;return e?ir(r,{size:t,gridResolution:e}):n?Cc(r,{size:t}):r}var fP=1,hP=2,rr=4,or=class extends xe{constructor(t){super({...t,attributes:{positions:{size:3,padding:18,initialize:!0,type:t.fp64?Float64Array:Float32Array},segmentTypes:{size:1,type:t.isWebGPU?Float32Array:Uint8ClampedArray}}})}get(t){return this.attributes[t]}getPathSegmentIndices(t){let e=this.attributes.segmentTypes,n=this.vertexStarts[t],r=Math.min(this.vertexStarts[t+1]??this.instanceCount,this.instanceCount),o=[];for(let s=n;s<r-1;s++)(e[s]&rr)===0&&o.push(s);return o.length&&(e[n]&rr)!==0&&o.unshift(o.pop()),o}getGeometryFromBuffer(t){return this.normalize||this.opts.isWebGPU?super.getGeometryFromBuffer(t):null}normalizeGeometry(t){return this.normalize?Cd(t,this.positionSize,this.opts.resolution,this.opts.wrapLongitude):t}getGeometrySize(t){if(Td(t)){let n=0;for(let r of t)n+=this.getGeometrySize(r);return n}let e=this.getPathLength(t);return e<2?0:this.isClosed(t)?e<3?0:e+2:e}updateGeometryAttributes(t,e){if(e.geometrySize!==0)if(t&&Td(t))for(let n of t){let r=this.getGeometrySize(n);e.geometrySize=r,this.updateGeometryAttributes(n,e),e.vertexStart+=r}else this._updateSegmentTypes(t,e),this._updatePositions(t,e)}_updateSegmentTypes(t,e){let n=this.attributes.segmentTypes,r=t?this.isClosed(t):!1,{vertexStart:o,geometrySize:s}=e;n.fill(0,o,o+s),r?(n[o]=rr,n[o+s-2]=rr):(n[o]+=fP,n[o+s-2]+=hP),n[o+s-1]=rr}_updatePositions(t,e){let{positions:n}=this.attributes;if(!n||!t)return;let{vertexStart:r,geometrySize:o}=e,s=new Array(3);for(let a=r,c=0;c<o;a++,c++)this.getPointOnPath(t,c,s),n[a*3]=s[0],n[a*3+1]=s[1],n[a*3+2]=s[2]}getPathLength(t){return t.length/this.positionSize}getPointOnPath(t,e,n=[]){let{positionSize:r}=this;e*r>=t.length&&(e+=1-t.length/r);let o=e*r;return n[0]=t[o],n[1]=t[o+1],n[2]=r===3&&t[o+2]||0,n}isClosed(t){if(!this.normalize)return!!this.opts.loop;let{positionSize:e}=this,n=t.length-e;return t[0]===t[n]&&t[1]===t[n+1]&&(e===2||t[2]===t[n+2])}};function Td(i){return Array.isArray(i[0])}var uP=`struct PathUniforms {
  widthScale: f32,
  widthMinPixels: f32,
  widthMaxPixels: f32,
  jointType: f32,
  capType: f32,
  miterLimit: f32,
  billboard: f32,
  widthUnits: i32,
};

@group(0) @binding(auto)
var<uniform> path: PathUniforms;
`,Ld=`layout(std140) uniform pathUniforms {
  float widthScale;
  float widthMinPixels;
  float widthMaxPixels;
  float jointType;
  float capType;
  float miterLimit;
  bool billboard;
  highp int widthUnits;
} path;
`,Ad={name:"path",source:uP,vs:Ld,fs:Ld,uniformTypes:{widthScale:"f32",widthMinPixels:"f32",widthMaxPixels:"f32",jointType:"f32",capType:"f32",miterLimit:"f32",billboard:"f32",widthUnits:"i32"}};var Id=`const EPSILON: f32 = 0.001;
const ZERO_OFFSET: vec3<f32> = vec3<f32>(0.0, 0.0, 0.0);

struct JoinResult {
  offset: vec3<f32>,
  cornerOffset: vec2<f32>,
  miterLength: f32,
  pathPosition: vec2<f32>,
  pathLength: f32,
  jointType: f32,
};

struct Attributes {
  @location(0) positions: vec2<f32>,
  @location(1) instanceTypes: f32,
  @location(2) instanceLeftPositions: vec3<f32>,
  @location(3) instanceStartPositions: vec3<f32>,
  @location(4) instanceEndPositions: vec3<f32>,
  @location(5) instanceRightPositions: vec3<f32>,
  @location(6) instanceLeftPositions64Low: vec3<f32>,
  @location(7) instanceStartPositions64Low: vec3<f32>,
  @location(8) instanceEndPositions64Low: vec3<f32>,
  @location(9) instanceRightPositions64Low: vec3<f32>,
  @location(10) instanceStrokeWidths: f32,
  @location(11) instanceColors: vec4<f32>,
  @location(12) rowIndexes: u32,
};

struct Varyings {
  @builtin(position) position: vec4<f32>,
  @location(0) vColor: vec4<f32>,
  @location(1) vCornerOffset: vec2<f32>,
  @location(2) vMiterLength: f32,
  @location(3) vPathPosition: vec2<f32>,
  @location(4) vPathLength: f32,
  @location(5) vJointType: f32,
  // Location 6 is reserved for TripsLayer's injected vTime varying.
  @location(7) clipCoordinates: vec2<f32>,
#ifdef DASH_ENABLED
  @location(8) vPathBounds: vec2<f32>,
#endif
};

fn flipIfTrue(flag: bool) -> f32 {
  return select(1.0, -1.0, flag);
}

fn clipLine(position: vec4<f32>, refPosition: vec4<f32>) -> vec4<f32> {
  if (position.w < EPSILON) {
    let r = (EPSILON - refPosition.w) / (position.w - refPosition.w);
    return refPosition + (position - refPosition) * r;
  }
  return position;
}

#ifdef DASH_ENABLED
// Return the visible interval of the original segment before clipLine moves either endpoint.
fn getClippedPathRange(startW: f32, endW: f32) -> vec2<f32> {
  let startClipped = startW < EPSILON;
  let endClipped = endW < EPSILON;
  if (startClipped && endClipped) {
    return vec2<f32>(0.0, 0.0);
  }
  if (startClipped || endClipped) {
    let intersection = clamp((EPSILON - startW) / (endW - startW), 0.0, 1.0);
    if (startClipped) {
      return vec2<f32>(intersection, 1.0);
    }
    return vec2<f32>(0.0, intersection);
  }
  return vec2<f32>(0.0, 1.0);
}
#endif

fn getLineJoinOffset(
  prevPoint: vec3<f32>,
  currPoint: vec3<f32>,
  nextPoint: vec3<f32>,
  width: vec2<f32>,
#ifdef DASH_ENABLED
  sourcePathLength: f32,
  sourcePathRange: vec2<f32>,
#endif
#ifdef ANTIALIASING
  coverageScale: f32,
#endif
  positions: vec2<f32>,
  instanceTypes: f32
) -> JoinResult {
  let isEnd = positions.x > 0.0;
  let sideOfPath = positions.y;
  let isJoint = select(0.0, 1.0, sideOfPath == 0.0);

  var deltaA3 = currPoint - prevPoint;
  var deltaB3 = nextPoint - currPoint;

  let rotationResult = project_needs_rotation(currPoint);
  if (path.billboard == 0.0 && rotationResult.needsRotation) {
    deltaA3 = rotationResult.transform * deltaA3;
    deltaB3 = rotationResult.transform * deltaB3;
  }

  let deltaA = deltaA3.xy / width;
  let deltaB = deltaB3.xy / width;

  let lenA = length(deltaA);
  let lenB = length(deltaB);

  let dirA = select(vec2<f32>(0.0, 0.0), normalize(deltaA), lenA > 0.0);
  let dirB = select(vec2<f32>(0.0, 0.0), normalize(deltaB), lenB > 0.0);

  let perpA = vec2<f32>(-dirA.y, dirA.x);
  let perpB = vec2<f32>(-dirB.y, dirB.x);

  var tangent = dirA + dirB;
  tangent = select(perpA, normalize(tangent), length(tangent) > 0.0);
  let miterVec = vec2<f32>(-tangent.y, tangent.x);
  let dir = select(dirB, dirA, isEnd);
  let perp = select(perpB, perpA, isEnd);
#ifdef DASH_ENABLED
  let segmentLength2D = select(lenB, lenA, isEnd);

  // Extrusion happens in the XY plane, so segmentLength2D is a 2D length and pathPosition.y
  // below measures 2D distance along the segment. For a path that also moves in Z the true
  // arc length is longer by this ratio. Scaling pathLength and pathPosition.y by it makes
  // the coordinate measure real 3D distance while leaving the joint tests unchanged, since
  // they compare the two against each other and both are scaled alike. Billboard mode
  // extrudes in clip space, where the perspective divide has already reduced the segment to
  // its screen projection, so its complete common-space length is supplied by the caller.
  // Mirrors path-layer-vertex.glsl.ts.
  let currDelta3 = select(deltaB3, deltaA3, isEnd);
  let currLength2D = length(currDelta3.xy);
  // Do not clamp a valid denominator to EPSILON: high-zoom Web Mercator deltas are often
  // smaller than that in common space, and changing their scale corrupts even flat paths.
  let safeLength2D = select(1.0, currLength2D, currLength2D > 0.0);
  var arcLengthRatio = 1.0;
  var pathPositionOffset = 0.0;
  var pathLength = segmentLength2D;
  if (path.billboard != 0.0) {
    // clipLine may shorten the visible screen-space segment. Preserve the corresponding interval
    // of the complete common-space arclength instead of compressing the full dash period into the
    // visible span. Keep pathLength complete so justification is stable as the camera clips it.
    let visiblePathLength = sourcePathLength * (sourcePathRange.y - sourcePathRange.x);
    arcLengthRatio = 0.0;
    if (segmentLength2D > 0.0) {
      arcLengthRatio = visiblePathLength / segmentLength2D;
    }
    pathPositionOffset = sourcePathLength * sourcePathRange.x;
    pathLength = sourcePathLength;
  } else if (currLength2D > 0.0) {
    arcLengthRatio = length(currDelta3) / safeLength2D;
    pathLength = segmentLength2D * arcLengthRatio;
  }
#else
  let pathLength = select(lenB, lenA, isEnd);
#endif

  let sinHalfA = abs(dot(miterVec, perp));
  let cosHalfA = abs(dot(dirA, miterVec));
  let turnDirection = flipIfTrue(dirA.x * dirB.y >= dirA.y * dirB.x);
  let cornerPosition = sideOfPath * turnDirection;

  var miterSize = 1.0 / max(sinHalfA, EPSILON);
  miterSize = mix(
    min(miterSize, max(lenA, lenB) / max(cosHalfA, EPSILON)),
    miterSize,
    step(0.0, cornerPosition)
  );

  var offsetVec =
    mix(miterVec * miterSize, perp, step(0.5, cornerPosition)) *
    (sideOfPath + isJoint * turnDirection);

  let isStartCap = lenA == 0.0 || (!isEnd && (instanceTypes == 1.0 || instanceTypes == 3.0));
  let isEndCap = lenB == 0.0 || (isEnd && (instanceTypes == 2.0 || instanceTypes == 3.0));
  let isCap = isStartCap || isEndCap;

  var jointType = path.jointType;
  if (isCap) {
    offsetVec = mix(
      perp * sideOfPath,
      dir * path.capType * 4.0 * flipIfTrue(isStartCap),
      isJoint
    );
    jointType = path.capType;
  }

#ifdef ANTIALIASING
  let coverageOffsetVec = offsetVec * coverageScale;
  var miterLength = dot(coverageOffsetVec, miterVec * turnDirection);
#else
  var miterLength = dot(offsetVec, miterVec * turnDirection);
#endif
  miterLength = select(miterLength, isJoint, isCap);

#ifdef ANTIALIASING
  let offsetFromStartOfPath = coverageOffsetVec + deltaA * select(0.0, 1.0, isEnd);
#else
  let offsetFromStartOfPath = offsetVec + deltaA * select(0.0, 1.0, isEnd);
#endif
  let pathPosition = vec2<f32>(
    dot(offsetFromStartOfPath, perp),
#ifdef DASH_ENABLED
    pathPositionOffset + dot(offsetFromStartOfPath, dir) * arcLengthRatio
#else
    dot(offsetFromStartOfPath, dir)
#endif
  );
  let isValid = step(f32(instanceTypes), 3.5);
#ifdef ANTIALIASING
  var offset = vec3<f32>(coverageOffsetVec * width * isValid, 0.0);
#else
  var offset = vec3<f32>(offsetVec * width * isValid, 0.0);
#endif

  if (path.billboard == 0.0 && rotationResult.needsRotation) {
    offset = rotationResult.transform * offset;
  }

#ifdef ANTIALIASING
  return JoinResult(
    offset, coverageOffsetVec, miterLength, pathPosition, pathLength, jointType
  );
#else
  return JoinResult(offset, offsetVec, miterLength, pathPosition, pathLength, jointType);
#endif
}

@vertex
fn vertexMain(attributes: Attributes) -> Varyings {
  var varyings: Varyings;

  geometry.pickingColor = picking_getPickingColorFromIndex(attributes.rowIndexes);

  let isEnd = attributes.positions.x;

  let prevPosition = mix(attributes.instanceLeftPositions, attributes.instanceStartPositions, isEnd);
  let prevPosition64Low = mix(
    attributes.instanceLeftPositions64Low,
    attributes.instanceStartPositions64Low,
    isEnd
  );
  let currPosition = mix(attributes.instanceStartPositions, attributes.instanceEndPositions, isEnd);
  let currPosition64Low = mix(
    attributes.instanceStartPositions64Low,
    attributes.instanceEndPositions64Low,
    isEnd
  );
  let nextPosition = mix(attributes.instanceEndPositions, attributes.instanceRightPositions, isEnd);
  let nextPosition64Low = mix(
    attributes.instanceEndPositions64Low,
    attributes.instanceRightPositions64Low,
    isEnd
  );

  geometry.worldPosition = currPosition;

  let widthPixels =
    clamp(
      project_unit_size_to_pixel(attributes.instanceStrokeWidths * path.widthScale, path.widthUnits),
      path.widthMinPixels,
      path.widthMaxPixels
    ) / 2.0;

  if (path.billboard != 0.0) {
#ifdef DASH_ENABLED
    let prevProjection = project_position_to_clipspace_and_commonspace(
      prevPosition, prevPosition64Low, ZERO_OFFSET
    );
    let nextProjection = project_position_to_clipspace_and_commonspace(
      nextPosition, nextPosition64Low, ZERO_OFFSET
    );
    let prevPositionCommon = prevProjection.commonPosition.xyz;
    let nextPositionCommon = nextProjection.commonPosition.xyz;
    var prevPositionScreen = prevProjection.clipPosition;
    var nextPositionScreen = nextProjection.clipPosition;
#else
    var prevPositionScreen = project_position_to_clipspace(
      prevPosition, prevPosition64Low, ZERO_OFFSET
    );
    var nextPositionScreen = project_position_to_clipspace(
      nextPosition, nextPosition64Low, ZERO_OFFSET
    );
#endif
    let currProjection = project_position_to_clipspace_and_commonspace(
      currPosition, currPosition64Low, ZERO_OFFSET
    );
    geometry.position = currProjection.commonPosition;
    var currPositionScreen = currProjection.clipPosition;
#ifdef DASH_ENABLED
    let currPositionCommon = currProjection.commonPosition.xyz;
    let sourcePathStartScreen = mix(currPositionScreen, prevPositionScreen, isEnd);
    let sourcePathEndScreen = mix(nextPositionScreen, currPositionScreen, isEnd);
    let billboardPathRange = getClippedPathRange(
      sourcePathStartScreen.w, sourcePathEndScreen.w
    );
#endif

    prevPositionScreen = clipLine(prevPositionScreen, currPositionScreen);
    nextPositionScreen = clipLine(nextPositionScreen, currPositionScreen);
    currPositionScreen = clipLine(currPositionScreen, mix(nextPositionScreen, prevPositionScreen, isEnd));

#ifdef ANTIALIASING
    let coverageScale = select(
      1.0,
      (widthPixels + 0.5 / project.devicePixelRatio) / max(widthPixels, 1e-6),
      widthPixels > 0.0
    );
#endif
#ifdef DASH_ENABLED
    let currentDeltaCommon = select(
      nextPositionCommon - currPositionCommon,
      currPositionCommon - prevPositionCommon,
      isEnd > 0.0
    );
    let billboardPathLength = select(
      0.0,
      length(currentDeltaCommon) * project.scale / (widthPixels * project.focalDistance),
      widthPixels > 0.0
    );
#endif
    let join = getLineJoinOffset(
      prevPositionScreen.xyz / prevPositionScreen.w,
      currPositionScreen.xyz / currPositionScreen.w,
      nextPositionScreen.xyz / nextPositionScreen.w,
      project_pixel_size_to_clipspace(vec2<f32>(widthPixels, widthPixels)),
#ifdef DASH_ENABLED
      billboardPathLength,
      billboardPathRange,
#endif
#ifdef ANTIALIASING
      coverageScale,
#endif
      attributes.positions,
      attributes.instanceTypes
    );
#ifdef DASH_ENABLED
    // Phase and justification use the complete source segment, while cap and joint coverage
    // must still recognize the endpoints moved by clipLine.
    varyings.vPathBounds = billboardPathLength * billboardPathRange;
#endif

    geometry.uv = join.pathPosition;
    varyings.position = vec4<f32>(
      currPositionScreen.xyz + join.offset * currPositionScreen.w,
      currPositionScreen.w
    );
    varyings.vCornerOffset = join.cornerOffset;
    varyings.vMiterLength = join.miterLength;
    varyings.vPathPosition = join.pathPosition;
    varyings.vPathLength = join.pathLength;
    varyings.vJointType = join.jointType;
  } else {
    let prevPositionCommon = project_position_vec3_f64(prevPosition, prevPosition64Low);
    let currPositionCommon = project_position_vec3_f64(currPosition, currPosition64Low);
    let nextPositionCommon = project_position_vec3_f64(nextPosition, nextPosition64Low);

    let width = vec2<f32>(
      project_pixel_size_float(widthPixels),
      project_pixel_size_float(widthPixels)
    );
#ifdef ANTIALIASING
    let coverageScale = select(
      1.0,
      (widthPixels + 0.5 / project.devicePixelRatio) / max(widthPixels, 1e-6),
      widthPixels > 0.0
    );
#endif
    let join = getLineJoinOffset(
      prevPositionCommon,
      currPositionCommon,
      nextPositionCommon,
      width,
#ifdef DASH_ENABLED
      1.0,
      vec2<f32>(0.0, 1.0),
#endif
#ifdef ANTIALIASING
      coverageScale,
#endif
      attributes.positions,
      attributes.instanceTypes
    );
#ifdef DASH_ENABLED
    varyings.vPathBounds = vec2<f32>(0.0, join.pathLength);
#endif

    geometry.position = vec4<f32>(currPositionCommon + join.offset, 1.0);
    geometry.uv = join.pathPosition;
    varyings.position = project_common_position_to_clipspace(geometry.position);
    varyings.vCornerOffset = join.cornerOffset;
    varyings.vMiterLength = join.miterLength;
    varyings.vPathPosition = join.pathPosition;
    varyings.vPathLength = join.pathLength;
    varyings.vJointType = join.jointType;
  }

  varyings.clipCoordinates = geometry.position.xy;
  clip_filterPosition(&varyings.position, geometry.worldPosition.xy);

  varyings.vColor = vec4<f32>(
    attributes.instanceColors.rgb,
    attributes.instanceColors.a * layer.opacity
  );
  return varyings;
}

@fragment
fn fragmentMain(varyings: Varyings) -> @location(0) vec4<f32> {
  geometry.uv = varyings.vPathPosition;

#ifdef ANTIALIASING
  // Coordinates of the outer silhouette, in units of half-width: rounded joints and caps are
  // bounded by the corner offset, everywhere else by the edge of the stroke. Dividing by the
  // screen-space derivative converts the distance to the boundary into device pixels, which stays
  // correct under perspective foreshortening and under extensions that rescale the stroke.
#ifdef DASH_ENABLED
  let isCorner =
    varyings.vPathPosition.y < varyings.vPathBounds.x ||
    varyings.vPathPosition.y > varyings.vPathBounds.y;
#else
  let isCorner = varyings.vPathPosition.y < 0.0 || varyings.vPathPosition.y > varyings.vPathLength;
#endif
  let isRound = varyings.vJointType > 0.5;

  // Distance to the silhouette in device pixels, from the derivative of the coordinate that
  // bounds it. Computed before the discards below: derivatives need uniform control flow and are
  // undefined after a discard in the quad. See dev-docs/RFCs/v9.4/analytic-antialiasing-rfc.md
  let bodyCoord = abs(varyings.vPathPosition.x);
  let cornerCoord = length(varyings.vCornerOffset);
  // Both evaluated so each derivative stays on one field across the corner/body boundary
  let bodyPixels = (1.0 - bodyCoord) / max(fwidth(bodyCoord), 1e-6);
  let cornerPixels = (1.0 - cornerCoord) / max(fwidth(cornerCoord), 1e-6);
#ifdef PATH_STYLE_OFFSET
  // Rounded corners still intersect the stroke-width envelope. Extensions may remap
  // vPathPosition.x independently of vCornerOffset, as PathStyleExtension does for offsets.
  let edgePixels = select(bodyPixels, min(cornerPixels, bodyPixels), isRound && isCorner);
#else
  let edgePixels = select(bodyPixels, cornerPixels, isRound && isCorner);
#endif

  // Fragments outside the coverage ramp must not write depth or picking colors.
  if (edgePixels <= -SMOOTH_EDGE_RADIUS) {
    discard;
  }

  if (isCorner) {
    if (!isRound && varyings.vMiterLength > path.miterLimit + 1.0) {
      discard;
    }
  }

  var color = varyings.vColor;

  // Feather one device pixel across the width only, before premultiplication. edgePixels is a
  // signed device-pixel distance and SMOOTH_EDGE_RADIUS is 0.5, so this ramps across one pixel.
  color.a *= smoothedge(0.0, edgePixels);
#else
#ifdef DASH_ENABLED
  if (
    varyings.vPathPosition.y < varyings.vPathBounds.x ||
    varyings.vPathPosition.y > varyings.vPathBounds.y
  ) {
#else
  if (
    varyings.vPathPosition.y < 0.0 ||
    varyings.vPathPosition.y > varyings.vPathLength
  ) {
#endif
    if (varyings.vJointType > 0.5 && length(varyings.vCornerOffset) > 1.0) {
      discard;
    }
    if (
      varyings.vJointType < 0.5 &&
      varyings.vMiterLength > path.miterLimit + 1.0
    ) {
      discard;
    }
  }
#endif

  // Fragment-layer injections that discard pixels must run after analytic coverage derivatives.
  // See TripsLayer, which rejects fragments outside of the active time window at this anchor.
  // DECKGL_FILTER_COLOR
  clip_filterColor(varyings.clipCoordinates);
#ifdef ANTIALIASING
  return deckgl_premultiplied_alpha(color);
#else
  return deckgl_premultiplied_alpha(varyings.vColor);
#endif
}
`;var Rd=`#version 300 es
#define SHADER_NAME path-layer-vertex-shader
in vec2 positions;
in float instanceTypes;
in vec3 instanceStartPositions;
in vec3 instanceEndPositions;
in vec3 instanceLeftPositions;
in vec3 instanceRightPositions;
in vec3 instanceLeftPositions64Low;
in vec3 instanceStartPositions64Low;
in vec3 instanceEndPositions64Low;
in vec3 instanceRightPositions64Low;
in float instanceStrokeWidths;
in vec4 instanceColors;
in float rowIndexes;
uniform float opacity;
out vec4 vColor;
out vec2 vCornerOffset;
out float vMiterLength;
out vec2 vPathPosition;
out float vPathLength;
out float vJointType;
#ifdef DASH_ENABLED
out vec2 vPathBounds;
#endif
const float EPSILON = 0.001;
const vec3 ZERO_OFFSET = vec3(0.0);
float flipIfTrue(bool flag) {
return -(float(flag) * 2. - 1.);
}
vec3 getLineJoinOffset(
vec3 prevPoint, vec3 currPoint, vec3 nextPoint,
vec2 width
#ifdef DASH_ENABLED
, float sourcePathLength, vec2 sourcePathRange
#endif
#ifdef ANTIALIASING
, float coverageScale
#endif
) {
bool isEnd = positions.x > 0.0;
float sideOfPath = positions.y;
float isJoint = float(sideOfPath == 0.0);
vec3 deltaA3 = (currPoint - prevPoint);
vec3 deltaB3 = (nextPoint - currPoint);
mat3 rotationMatrix;
bool needsRotation = !path.billboard && project_needs_rotation(currPoint, rotationMatrix);
if (needsRotation) {
deltaA3 = deltaA3 * rotationMatrix;
deltaB3 = deltaB3 * rotationMatrix;
}
vec2 deltaA = deltaA3.xy / width;
vec2 deltaB = deltaB3.xy / width;
float lenA = length(deltaA);
float lenB = length(deltaB);
vec2 dirA = lenA > 0. ? normalize(deltaA) : vec2(0.0, 0.0);
vec2 dirB = lenB > 0. ? normalize(deltaB) : vec2(0.0, 0.0);
vec2 perpA = vec2(-dirA.y, dirA.x);
vec2 perpB = vec2(-dirB.y, dirB.x);
vec2 tangent = dirA + dirB;
tangent = length(tangent) > 0. ? normalize(tangent) : perpA;
vec2 miterVec = vec2(-tangent.y, tangent.x);
vec2 dir = isEnd ? dirA : dirB;
vec2 perp = isEnd ? perpA : perpB;
float L = isEnd ? lenA : lenB;
#ifdef DASH_ENABLED
vec3 currDelta3 = isEnd ? deltaA3 : deltaB3;
float currLength2D = length(currDelta3.xy);
float arcLengthRatio = 1.0;
float pathPositionOffset = 0.0;
float pathLength = L;
if (path.billboard) {
float visiblePathLength = sourcePathLength * (sourcePathRange.y - sourcePathRange.x);
arcLengthRatio = L > 0.0 ? visiblePathLength / L : 0.0;
pathPositionOffset = sourcePathLength * sourcePathRange.x;
pathLength = sourcePathLength;
} else if (currLength2D > 0.0) {
arcLengthRatio = length(currDelta3) / currLength2D;
pathLength = L * arcLengthRatio;
}
#endif
float sinHalfA = abs(dot(miterVec, perp));
float cosHalfA = abs(dot(dirA, miterVec));
float turnDirection = flipIfTrue(dirA.x * dirB.y >= dirA.y * dirB.x);
float cornerPosition = sideOfPath * turnDirection;
float miterSize = 1.0 / max(sinHalfA, EPSILON);
miterSize = mix(
min(miterSize, max(lenA, lenB) / max(cosHalfA, EPSILON)),
miterSize,
step(0.0, cornerPosition)
);
vec2 offsetVec = mix(miterVec * miterSize, perp, step(0.5, cornerPosition))
* (sideOfPath + isJoint * turnDirection);
bool isStartCap = lenA == 0.0 || (!isEnd && (instanceTypes == 1.0 || instanceTypes == 3.0));
bool isEndCap = lenB == 0.0 || (isEnd && (instanceTypes == 2.0 || instanceTypes == 3.0));
bool isCap = isStartCap || isEndCap;
if (isCap) {
offsetVec = mix(perp * sideOfPath, dir * path.capType * 4.0 * flipIfTrue(isStartCap), isJoint);
vJointType = path.capType;
} else {
vJointType = path.jointType;
}
#ifdef ANTIALIASING
vec2 coverageOffsetVec = offsetVec * coverageScale;
#ifdef DASH_ENABLED
vPathLength = pathLength;
#else
vPathLength = L;
#endif
vCornerOffset = coverageOffsetVec;
vMiterLength = dot(vCornerOffset, miterVec * turnDirection);
vMiterLength = isCap ? isJoint : vMiterLength;
vec2 offsetFromStartOfPath = coverageOffsetVec + deltaA * float(isEnd);
vPathPosition = vec2(
dot(offsetFromStartOfPath, perp),
#ifdef DASH_ENABLED
pathPositionOffset + dot(offsetFromStartOfPath, dir) * arcLengthRatio
#else
dot(offsetFromStartOfPath, dir)
#endif
);
geometry.uv = vPathPosition;
float isValid = step(instanceTypes, 3.5);
vec3 offset = vec3(coverageOffsetVec * width * isValid, 0.0);
#else
#ifdef DASH_ENABLED
vPathLength = pathLength;
#else
vPathLength = L;
#endif
vCornerOffset = offsetVec;
vMiterLength = dot(vCornerOffset, miterVec * turnDirection);
vMiterLength = isCap ? isJoint : vMiterLength;
vec2 offsetFromStartOfPath = vCornerOffset + deltaA * float(isEnd);
vPathPosition = vec2(
dot(offsetFromStartOfPath, perp),
#ifdef DASH_ENABLED
pathPositionOffset + dot(offsetFromStartOfPath, dir) * arcLengthRatio
#else
dot(offsetFromStartOfPath, dir)
#endif
);
geometry.uv = vPathPosition;
float isValid = step(instanceTypes, 3.5);
vec3 offset = vec3(offsetVec * width * isValid, 0.0);
#endif
if (needsRotation) {
offset = rotationMatrix * offset;
}
return offset;
}
void clipLine(inout vec4 position, vec4 refPosition) {
if (position.w < EPSILON) {
float r = (EPSILON - refPosition.w) / (position.w - refPosition.w);
position = refPosition + (position - refPosition) * r;
}
}
#ifdef DASH_ENABLED
vec2 getClippedPathRange(float startW, float endW) {
bool startClipped = startW < EPSILON;
bool endClipped = endW < EPSILON;
if (startClipped && endClipped) {
return vec2(0.0);
}
if (startClipped || endClipped) {
float intersection = clamp((EPSILON - startW) / (endW - startW), 0.0, 1.0);
return startClipped ? vec2(intersection, 1.0) : vec2(0.0, intersection);
}
return vec2(0.0, 1.0);
}
#endif
void main() {
geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
vColor = vec4(instanceColors.rgb, instanceColors.a * layer.opacity);
float isEnd = positions.x;
vec3 prevPosition = mix(instanceLeftPositions, instanceStartPositions, isEnd);
vec3 prevPosition64Low = mix(instanceLeftPositions64Low, instanceStartPositions64Low, isEnd);
vec3 currPosition = mix(instanceStartPositions, instanceEndPositions, isEnd);
vec3 currPosition64Low = mix(instanceStartPositions64Low, instanceEndPositions64Low, isEnd);
vec3 nextPosition = mix(instanceEndPositions, instanceRightPositions, isEnd);
vec3 nextPosition64Low = mix(instanceEndPositions64Low, instanceRightPositions64Low, isEnd);
geometry.worldPosition = currPosition;
vec2 widthPixels = vec2(clamp(
project_size_to_pixel(instanceStrokeWidths * path.widthScale, path.widthUnits),
path.widthMinPixels, path.widthMaxPixels) / 2.0);
vec3 width;
if (path.billboard) {
#ifdef DASH_ENABLED
vec4 prevPositionCommon;
vec4 nextPositionCommon;
vec4 prevPositionScreen = project_position_to_clipspace(
prevPosition, prevPosition64Low, ZERO_OFFSET, prevPositionCommon
);
#else
vec4 prevPositionScreen = project_position_to_clipspace(
prevPosition, prevPosition64Low, ZERO_OFFSET
);
#endif
vec4 currPositionScreen = project_position_to_clipspace(currPosition, currPosition64Low, ZERO_OFFSET, geometry.position);
#ifdef DASH_ENABLED
vec4 nextPositionScreen = project_position_to_clipspace(
nextPosition, nextPosition64Low, ZERO_OFFSET, nextPositionCommon
);
#else
vec4 nextPositionScreen = project_position_to_clipspace(
nextPosition, nextPosition64Low, ZERO_OFFSET
);
#endif
#ifdef DASH_ENABLED
vec4 sourcePathStartScreen = mix(currPositionScreen, prevPositionScreen, isEnd);
vec4 sourcePathEndScreen = mix(nextPositionScreen, currPositionScreen, isEnd);
vec2 billboardPathRange = getClippedPathRange(
sourcePathStartScreen.w, sourcePathEndScreen.w
);
#endif
clipLine(prevPositionScreen, currPositionScreen);
clipLine(nextPositionScreen, currPositionScreen);
clipLine(currPositionScreen, mix(nextPositionScreen, prevPositionScreen, isEnd));
width = vec3(widthPixels, 0.0);
DECKGL_FILTER_SIZE(width, geometry);
#ifdef ANTIALIASING
vec2 coveragePadding = vec2(0.5 / project.devicePixelRatio);
float coverageScale = length(width.xy) > 0.0
? length(width.xy + coveragePadding) / length(width.xy)
: 1.0;
#endif
#ifdef DASH_ENABLED
vec3 currentDeltaCommon = isEnd > 0.0
? geometry.position.xyz - prevPositionCommon.xyz
: nextPositionCommon.xyz - geometry.position.xyz;
float billboardPathLength = width.x > 0.0
? length(currentDeltaCommon) * project.scale / (width.x * project.focalDistance)
: 0.0;
#endif
vec3 offset = getLineJoinOffset(
prevPositionScreen.xyz / prevPositionScreen.w,
currPositionScreen.xyz / currPositionScreen.w,
nextPositionScreen.xyz / nextPositionScreen.w,
project_pixel_size_to_clipspace(width.xy)
#ifdef DASH_ENABLED
,
billboardPathLength, billboardPathRange
#endif
#ifdef ANTIALIASING
,
coverageScale
#endif
);
#ifdef DASH_ENABLED
vPathBounds = billboardPathLength * billboardPathRange;
#endif
DECKGL_FILTER_GL_POSITION(currPositionScreen, geometry);
gl_Position = vec4(currPositionScreen.xyz + offset * currPositionScreen.w, currPositionScreen.w);
} else {
prevPosition = project_position(prevPosition, prevPosition64Low);
currPosition = project_position(currPosition, currPosition64Low);
nextPosition = project_position(nextPosition, nextPosition64Low);
width = vec3(project_pixel_size(widthPixels), 0.0);
DECKGL_FILTER_SIZE(width, geometry);
#ifdef ANTIALIASING
vec2 coveragePadding = project_pixel_size(vec2(0.5 / project.devicePixelRatio));
float coverageScale = length(width.xy) > 0.0
? length(width.xy + coveragePadding) / length(width.xy)
: 1.0;
#endif
vec3 offset = getLineJoinOffset(
prevPosition, currPosition, nextPosition, width.xy
#ifdef DASH_ENABLED
, 1.0, vec2(0.0, 1.0)
#endif
#ifdef ANTIALIASING
, coverageScale
#endif
);
#ifdef DASH_ENABLED
vPathBounds = vec2(0.0, vPathLength);
#endif
geometry.position = vec4(currPosition + offset, 1.0);
gl_Position = project_common_position_to_clipspace(geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
}
DECKGL_FILTER_COLOR(vColor, geometry);
}
`;var Od=`#version 300 es
#define SHADER_NAME path-layer-fragment-shader
precision highp float;
in vec4 vColor;
in vec2 vCornerOffset;
in float vMiterLength;
in vec2 vPathPosition;
in float vPathLength;
in float vJointType;
#ifdef DASH_ENABLED
in vec2 vPathBounds;
#endif
out vec4 fragColor;
void main(void) {
geometry.uv = vPathPosition;
#ifdef ANTIALIASING
#ifdef DASH_ENABLED
bool isCorner = vPathPosition.y < vPathBounds.x || vPathPosition.y > vPathBounds.y;
#else
bool isCorner = vPathPosition.y < 0.0 || vPathPosition.y > vPathLength;
#endif
bool isRound = vJointType > 0.5;
float bodyCoord = abs(vPathPosition.x);
float cornerCoord = length(vCornerOffset);
float bodyPixels = (1.0 - bodyCoord) / max(fwidth(bodyCoord), 1e-6);
float cornerPixels = (1.0 - cornerCoord) / max(fwidth(cornerCoord), 1e-6);
#ifdef PATH_STYLE_OFFSET
float edgePixels = isRound && isCorner ? min(cornerPixels, bodyPixels) : bodyPixels;
#else
float edgePixels = isRound && isCorner ? cornerPixels : bodyPixels;
#endif
if (edgePixels <= -SMOOTH_EDGE_RADIUS) {
discard;
}
if (isCorner) {
if (!isRound && vMiterLength > path.miterLimit + 1.0) {
discard;
}
}
fragColor = vColor;
fragColor.a *= smoothedge(0.0, edgePixels);
#else
#ifdef DASH_ENABLED
if (vPathPosition.y < vPathBounds.x || vPathPosition.y > vPathBounds.y) {
#else
if (vPathPosition.y < 0.0 || vPathPosition.y > vPathLength) {
#endif
if (vJointType > 0.5 && length(vCornerOffset) > 1.0) {
discard;
}
if (vJointType < 0.5 && vMiterLength > path.miterLimit + 1.0) {
discard;
}
}
fragColor = vColor;
#endif
DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;var Dd=[0,0,0,255],dP={widthUnits:"meters",widthScale:{type:"number",min:0,value:1},widthMinPixels:{type:"number",min:0,value:0},widthMaxPixels:{type:"number",min:0,value:Number.MAX_SAFE_INTEGER},jointRounded:!1,capRounded:!1,miterLimit:{type:"number",min:0,value:4},antialiasing:!1,billboard:!1,_pathType:null,getPath:{type:"accessor",value:i=>i.path},getColor:{type:"accessor",value:Dd},getWidth:{type:"accessor",value:1},rounded:{deprecatedFor:["jointRounded","capRounded"]}},Lc={enter:(i,t)=>t.length?t.subarray(t.length-i.length):i};function pP(i){if(i.isGeospatial)return null;let{unitsPerMeter:t}=i.distanceScales;return[t[0],t[1],t[2]]}function kd(i,t){return i===t||!!(i&&t&&i.length===t.length&&i.every((e,n)=>e===t[n]))}var sr=class extends Lt{getShaders(){let{antialiasing:t}=this.props;return super.getShaders({vs:Rd,fs:Od,source:Id,defines:t?{ANTIALIASING:1}:{},modules:[Ut,Bt,Ft,Ad,...this.context.device.type==="webgpu"?[Ti]:[]]})}get wrapLongitude(){return!1}getBounds(){return this.context.device.type==="webgpu"?null:this.getAttributeManager()?.getBounds(["vertexPositions"])}getPathProjectionScale(t){let e=this.props.coordinateSystem;if(!!!this.getAttributeManager()?.getAttributes().instanceDashOffsets)return null;if(t instanceof Jt&&t.zoom>=12&&(e==="default"||e==="lnglat"||e==="cartesian")){let s=Zt.getUniforms({viewport:t,coordinateSystem:e,coordinateOrigin:this.props.coordinateOrigin,autoWrapLongitude:this.wrapLongitude});return[t.projectionMode,s.coordinateOrigin[1],s.commonOrigin[1],...s.commonUnitsPerWorldUnit,...s.commonUnitsPerWorldUnit2,s.commonUnitsPerMeter[2]]}let o=pP(t);return o?[t.projectionMode,...o]:[t.projectionMode]}shouldUpdateState(t){let{viewport:e}=this.context;return super.shouldUpdateState(t)||this.state?.tessellationResolution!==e.resolution||!kd(this.state?.pathProjectionScale,this.getPathProjectionScale(e))}initializeState(){let e=this.context.device.type==="webgpu";this.getAttributeManager().addInstanced({...e?{pathPositions:{size:24,type:"float32",transition:!1,accessor:"getPath",update:this.calculateWebGPUPositions,shaderAttributes:{instanceLeftPositions:{size:3,elementOffset:0},instanceStartPositions:{size:3,elementOffset:3},instanceEndPositions:{size:3,elementOffset:6},instanceRightPositions:{size:3,elementOffset:9},instanceLeftPositions64Low:{size:3,elementOffset:12},instanceStartPositions64Low:{size:3,elementOffset:15},instanceEndPositions64Low:{size:3,elementOffset:18},instanceRightPositions64Low:{size:3,elementOffset:21}},noAlloc:!0}}:{vertexPositions:{size:3,vertexOffset:1,type:"float64",fp64:this.use64bitPositions(),transition:Lc,accessor:"getPath",update:this.calculatePositions,noAlloc:!0,shaderAttributes:{instanceLeftPositions:{vertexOffset:0},instanceStartPositions:{vertexOffset:1},instanceEndPositions:{vertexOffset:2},instanceRightPositions:{vertexOffset:3}}}},instanceTypes:{size:1,type:e?"float32":"uint8",update:this.calculateSegmentTypes,noAlloc:!0},instanceStrokeWidths:{size:1,accessor:"getWidth",transition:e?!1:Lc,defaultValue:1,bufferGroup:"path-instance-data"},instanceColors:{size:this.props.colorFormat.length,type:"unorm8",accessor:"getColor",transition:e?!1:Lc,defaultValue:Dd,bufferGroup:"path-instance-data"},rowIndexes:{size:1,type:"uint32",accessor:(r,{index:o})=>r&&r.__source?r.__source.index:o,bufferGroup:"path-instance-data"}}),this.setState({pathTesselator:new or({fp64:this.use64bitPositions(),isWebGPU:e}),tessellationResolution:this.context.viewport.resolution,pathProjectionScale:this.getPathProjectionScale(this.context.viewport)})}updateState(t){super.updateState(t);let{props:e,oldProps:n,changeFlags:r}=t,o=this.getAttributeManager(),{viewport:s}=this.context,a=this.state.tessellationResolution!==s.resolution,c=this.getPathProjectionScale(s),l=!kd(this.state.pathProjectionScale,c),h=r.updateTriggersChanged&&(r.updateTriggersChanged.all||r.updateTriggersChanged.getPath)||e._pathType!==n._pathType||e.positionFormat!==n.positionFormat||e.wrapLongitude!==n.wrapLongitude||a;if(r.dataChanged||h){let{pathTesselator:d}=this.state,p=e.data.attributes||{};d.updateGeometry({data:e.data,geometryBuffer:p.getPath,buffers:p,normalize:!e._pathType,loop:e._pathType==="loop",getGeometry:e.getPath,positionFormat:e.positionFormat,wrapLongitude:e.wrapLongitude,resolution:s.resolution,dataChanged:h?void 0:r.dataChanged}),this.setState({numInstances:d.instanceCount,startIndices:d.vertexStarts,tessellationResolution:s.resolution,pathProjectionScale:c}),!r.dataChanged||h?o.invalidateAll():l&&o.invalidate("instanceDashOffsets")}else l&&(this.setState({pathProjectionScale:c}),o.invalidate("instanceDashOffsets"));(r.extensionsChanged||e.antialiasing!==n.antialiasing)&&(this.state.model?.destroy(),this.state.model=this._getModel(),o.invalidateAll())}getPickingInfo(t){let e=super.getPickingInfo(t),{index:n}=e,r=this.props.data;return r[0]&&r[0].__source&&(e.object=r.find(o=>o.__source.index===n)),e}disablePickingIndex(t){let e=this.props.data;if(e[0]&&e[0].__source)for(let n=0;n<e.length;n++)e[n].__source.index===t&&this._disablePickingIndex(n);else super.disablePickingIndex(t)}draw({uniforms:t}){let{jointRounded:e,capRounded:n,billboard:r,miterLimit:o,widthUnits:s,widthScale:a,widthMinPixels:c,widthMaxPixels:l}=this.props,f=this.state.model,h={jointType:Number(e),capType:Number(n),billboard:r,widthUnits:rt[s],widthScale:a,miterLimit:o,widthMinPixels:c,widthMaxPixels:l};f.shaderInputs.setProps({path:h}),f.draw(this.context.renderPass)}_getModel(){let t=[0,1,2,1,4,2,1,3,4,3,5,4],e=[0,0,0,-1,0,1,1,-1,1,1,1,0];return new At(this.context.device,{...this.getShaders(),id:this.props.id,bufferLayout:this.getAttributeManager().getBufferLayouts(),geometry:new Yt({topology:"triangle-list",attributes:{indices:new Uint16Array(t),positions:{value:new Float32Array(e),size:2}}}),isInstanced:!0})}calculatePositions(t){let{pathTesselator:e}=this.state;t.startIndices=e.vertexStarts,t.value=e.get("positions")}calculateSegmentTypes(t){let{pathTesselator:e}=this.state;t.startIndices=e.vertexStarts,t.value=e.get("segmentTypes")}calculateWebGPUPositions(t){let{pathTesselator:e}=this.state,n=e.get("positions");if(!n){t.value=null;return}let r=e.instanceCount,o=new Float32Array(r*24),s=[-1,0,1,2];for(let a=0;a<r;a++){let c=a*24;for(let l=0;l<4;l++){let f=a+s[l],h=c+l*3;for(let u=0;u<3;u++){let d=f>=0&&f<r?n[f*3+u]:0,p=Math.fround(d);o[h+u]=p,o[h+u+12]=d-p}}}t.startIndices=e.vertexStarts,t.value=o}};sr.defaultProps=dP;sr.layerName="PathLayer";var We=sr;var Yd=ap(Vd(),1);var Zo=Vo.CLOCKWISE,Ud=Vo.COUNTER_CLOCKWISE,_e={isClosed:!0};function AP(i){if(i=i&&i.positions||i,!Array.isArray(i)&&!ArrayBuffer.isView(i))throw new Error("invalid polygon")}function Ai(i){return"positions"in i?i.positions:i}function fr(i){return"holeIndices"in i?i.holeIndices:null}function IP(i){return Array.isArray(i[0])}function RP(i){return i.length>=1&&i[0].length>=2&&Number.isFinite(i[0][0])}function OP(i){let t=i[0],e=i[i.length-1];return t[0]===e[0]&&t[1]===e[1]&&t[2]===e[2]}function kP(i,t,e,n){for(let r=0;r<t;r++)if(i[e+r]!==i[n-t+r])return!1;return!0}function Fd(i,t,e,n,r){let o=t,s=e.length;for(let a=0;a<s;a++)for(let c=0;c<n;c++)i[o++]=e[a][c]||0;if(!OP(e))for(let a=0;a<n;a++)i[o++]=e[0][a]||0;return _e.start=t,_e.end=o,_e.size=n,Qn(i,r,_e),o}function Gd(i,t,e,n,r=0,o,s){o=o||e.length;let a=o-r;if(a<=0)return t;let c=t;for(let l=0;l<a;l++)i[c++]=e[r+l];if(!kP(e,n,r,o))for(let l=0;l<n;l++)i[c++]=e[r+l];return _e.start=t,_e.end=c,_e.size=n,Qn(i,s,_e),c}function qo(i,t){AP(i);let e=[],n=[];if("positions"in i){let{positions:r,holeIndices:o}=i;if(o){let s=0;for(let a=0;a<=o.length;a++)s=Gd(e,s,r,t,o[a-1],o[a],a===0?Zo:Ud),n.push(s);return n.pop(),{positions:e,holeIndices:n}}i=r}if(!IP(i))return Gd(e,0,i,t,0,e.length,Zo),e;if(!RP(i)){let r=0;for(let[o,s]of i.entries())r=Fd(e,r,s,t,o===0?Zo:Ud),n.push(r);return n.pop(),{positions:e,holeIndices:n}}return Fd(e,0,i,t,Zo),e}function kc(i,t,e){let n=i.length/3,r=0;for(let o=0;o<n;o++){let s=(o+1)%n;r+=i[o*3+t]*i[s*3+e],r-=i[s*3+t]*i[o*3+e]}return Math.abs(r/2)}function Wd(i,t,e,n){let r=i.length/3;for(let o=0;o<r;o++){let s=o*3,a=i[s+0],c=i[s+1],l=i[s+2];i[s+t]=a,i[s+e]=c,i[s+n]=l}}function $d(i,t,e,n){let r=fr(i);r&&(r=r.map(a=>a/t));let o=Ai(i),s=n&&t===3;if(e){let a=o.length;o=o.slice();let c=[];for(let l=0;l<a;l+=t){c[0]=o[l],c[1]=o[l+1],s&&(c[2]=o[l+2]);let f=e(c);o[l]=f[0],o[l+1]=f[1],s&&(o[l+2]=f[2])}}if(s){let a=kc(o,0,1),c=kc(o,0,2),l=kc(o,1,2);if(!a&&!c&&!l)return[];a>c&&a>l||(c>l?(e||(o=o.slice()),Wd(o,0,2,1)):(e||(o=o.slice()),Wd(o,2,0,1)))}return(0,Yd.default)(o,r,t)}var hr=class extends xe{constructor(t){let{fp64:e,IndexType:n=Uint32Array}=t;super({...t,attributes:{positions:{size:3,type:e?Float64Array:Float32Array},vertexValid:{type:Uint16Array,size:1},indices:{type:n,size:1}}})}get(t){let{attributes:e}=this;return t==="indices"?e.indices&&e.indices.subarray(0,this.vertexCount):e[t]}updateGeometry(t){super.updateGeometry(t);let e=this.buffers.indices;if(e)this.vertexCount=(e.value||e).length;else if(this.data&&!this.getGeometry)throw new Error("missing indices buffer")}normalizeGeometry(t){if(this.normalize){let e=qo(t,this.positionSize);return this.opts.resolution?nr(Ai(e),fr(e),{size:this.positionSize,gridResolution:this.opts.resolution,edgeTypes:!0}):this.opts.wrapLongitude?Tc(Ai(e),fr(e),{size:this.positionSize,maxLatitude:86,edgeTypes:!0}):e}return t}getGeometrySize(t){if(Zd(t)){let e=0;for(let n of t)e+=this.getGeometrySize(n);return e}return Ai(t).length/this.positionSize}getGeometryFromBuffer(t){return this.normalize||!this.buffers.indices?super.getGeometryFromBuffer(t):null}updateGeometryAttributes(t,e){if(t&&Zd(t))for(let n of t){let r=this.getGeometrySize(n);e.geometrySize=r,this.updateGeometryAttributes(n,e),e.vertexStart+=r,e.indexStart=this.indexStarts[e.geometryIndex+1]}else{let n=t;this._updateIndices(n,e),this._updatePositions(n,e),this._updateVertexValid(n,e)}}_updateIndices(t,{geometryIndex:e,vertexStart:n,indexStart:r}){let{attributes:o,indexStarts:s,typedArrayManager:a}=this,c=o.indices;if(!c||!t)return;let l=r,f=$d(t,this.positionSize,this.opts.preproject,this.opts.full3d);c=a.allocate(c,r+f.length,{copy:!0});for(let h=0;h<f.length;h++)c[l++]=f[h]+n;s[e+1]=r+f.length,o.indices=c}_updatePositions(t,{vertexStart:e,geometrySize:n}){let{attributes:{positions:r},positionSize:o}=this;if(!r||!t)return;let s=Ai(t);for(let a=e,c=0;c<n;a++,c++){let l=s[c*o],f=s[c*o+1],h=o>2?s[c*o+2]:0;r[a*3]=l,r[a*3+1]=f,r[a*3+2]=h}}_updateVertexValid(t,{vertexStart:e,geometrySize:n}){let{positionSize:r}=this,o=this.attributes.vertexValid,s=t&&fr(t);if(t&&t.edgeTypes?o.set(t.edgeTypes,e):o.fill(1,e,e+n),s)for(let a=0;a<s.length;a++)o[e+s[a]/r-1]=0;o[e+n-1]=0}};function Zd(i){return Array.isArray(i)&&i.length>0&&!Number.isFinite(i[0])}var DP=`struct SolidPolygonUniforms {
  extruded: f32,
  isWireframe: f32,
  elevationScale: f32,
};

@group(0) @binding(auto) var<uniform> solidPolygon: SolidPolygonUniforms;
`,qd=`layout(std140) uniform solidPolygonUniforms {
  bool extruded;
  bool isWireframe;
  float elevationScale;
} solidPolygon;
`,Xd={name:"solidPolygon",source:DP,vs:qd,fs:qd,uniformTypes:{extruded:"f32",isWireframe:"f32",elevationScale:"f32"}};var Xo=`in vec4 fillColors;
in vec4 lineColors;
in float rowIndexes;
out vec4 vColor;
struct PolygonProps {
vec3 positions;
vec3 positions64Low;
vec3 normal;
float elevations;
};
vec3 project_offset_normal(vec3 vector) {
if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT ||
project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT_OFFSETS) {
return normalize(vector * project.commonUnitsPerWorldUnit);
}
return project_normal(vector);
}
void calculatePosition(PolygonProps props) {
vec3 pos = props.positions;
vec3 pos64Low = props.positions64Low;
vec3 normal = props.normal;
vec4 colors = solidPolygon.isWireframe ? lineColors : fillColors;
geometry.worldPosition = props.positions;
geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
if (solidPolygon.extruded) {
pos.z += props.elevations * solidPolygon.elevationScale;
}
gl_Position = project_position_to_clipspace(pos, pos64Low, vec3(0.), geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
if (solidPolygon.extruded) {
#ifdef IS_SIDE_VERTEX
normal = project_offset_normal(normal);
#else
normal = project_normal(normal);
#endif
geometry.normal = normal;
vec3 lightColor = lighting_getLightColor(colors.rgb, project.cameraPosition, geometry.position.xyz, geometry.normal);
vColor = vec4(lightColor, colors.a * layer.opacity);
} else {
vColor = vec4(colors.rgb, colors.a * layer.opacity);
}
DECKGL_FILTER_COLOR(vColor, geometry);
}
`;var Kd=`#version 300 es
#define SHADER_NAME solid-polygon-layer-vertex-shader
in vec3 vertexPositions;
in vec3 vertexPositions64Low;
in float elevations;
${Xo}
void main(void) {
PolygonProps props;
props.positions = vertexPositions;
props.positions64Low = vertexPositions64Low;
props.elevations = elevations;
props.normal = vec3(0.0, 0.0, 1.0);
calculatePosition(props);
}
`;var Jd=`#version 300 es
#define SHADER_NAME solid-polygon-layer-vertex-shader-side
#define IS_SIDE_VERTEX
in vec2 positions;
in vec3 vertexPositions;
in vec3 nextVertexPositions;
in vec3 vertexPositions64Low;
in vec3 nextVertexPositions64Low;
in float elevations;
in float instanceVertexValid;
${Xo}
void main(void) {
if(instanceVertexValid < 0.5){
gl_Position = vec4(0.);
return;
}
PolygonProps props;
vec3 pos;
vec3 pos64Low;
vec3 nextPos;
vec3 nextPos64Low;
#if RING_WINDING_ORDER_CW == 1
pos = vertexPositions;
pos64Low = vertexPositions64Low;
nextPos = nextVertexPositions;
nextPos64Low = nextVertexPositions64Low;
#else
pos = nextVertexPositions;
pos64Low = nextVertexPositions64Low;
nextPos = vertexPositions;
nextPos64Low = vertexPositions64Low;
#endif
props.positions = mix(pos, nextPos, positions.x);
props.positions64Low = mix(pos64Low, nextPos64Low, positions.x);
props.normal = vec3(
pos.y - nextPos.y + (pos64Low.y - nextPos64Low.y),
nextPos.x - pos.x + (nextPos64Low.x - pos64Low.x),
0.0);
props.elevations = elevations * positions.y;
calculatePosition(props);
}
`;var Qd=`#version 300 es
#define SHADER_NAME solid-polygon-layer-fragment-shader
precision highp float;
in vec4 vColor;
out vec4 fragColor;
void main(void) {
fragColor = vColor;
geometry.uv = vec2(0.);
DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;function tp(){return`fn project_offset_normal(vector: vec3<f32>) -> vec3<f32> {
  if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT ||
      project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT_OFFSETS) {
    return normalize(vector * project.commonUnitsPerWorldUnit);
  }
  return project_normal(vector);
}

fn apply_polygon_color(
  colors: vec4<f32>,
  normal: vec3<f32>,
  position: vec4<f32>
) -> vec4<f32> {
  if (solidPolygon.extruded > 0.5) {
    let lightColor = lighting_getLightColor2(
      colors.rgb,
      project.cameraPosition,
      position.xyz,
      normal
    );
    return vec4<f32>(lightColor, colors.a * layer.opacity);
  }
  return vec4<f32>(colors.rgb, colors.a * layer.opacity);
}
`}function ep(){return`@fragment
fn fragmentMain(inp: Varyings) -> @location(0) vec4<f32> {
  geometry.uv = vec2<f32>(0.0, 0.0);

  clip_filterColor(inp.clipCoordinates);

  if (picking.isActive > 0.5) {
    if (!picking_isColorValid(inp.pickingColor)) {
      discard;
    }
    return vec4<f32>(inp.pickingColor, 1.0);
  }

  var fragColor = inp.vColor;

  if (picking.isHighlightActive > 0.5) {
    let highlightedObjectColor = picking_normalizeColor(picking.highlightedObjectColor);
    if (picking_isColorZero(abs(inp.pickingColor - highlightedObjectColor))) {
      let highLightAlpha = picking.highlightColor.a;
      let blendedAlpha = highLightAlpha + fragColor.a * (1.0 - highLightAlpha);
      if (blendedAlpha > 0.0) {
        let highLightRatio = highLightAlpha / blendedAlpha;
        fragColor = vec4<f32>(
          mix(fragColor.rgb, picking.highlightColor.rgb, highLightRatio),
          blendedAlpha
        );
      } else {
        fragColor = vec4<f32>(fragColor.rgb, 0.0);
      }
    }
  }

  return deckgl_premultiplied_alpha(fragColor);
}
`}function zP(){return`${tp()}

struct Attributes {
  @location(0) vertexPositions: vec3<f32>,
  @location(1) vertexPositions64Low: vec3<f32>,
  @location(2) elevations: f32,
  @location(3) fillColors: vec4<f32>,
  @location(4) lineColors: vec4<f32>,
  @location(5) rowIndexes: u32,
};

struct Varyings {
  @builtin(position) position: vec4<f32>,
  @location(0) vColor: vec4<f32>,
  @location(1) pickingColor: vec3<f32>,
  @location(2) clipCoordinates: vec2<f32>,
};

@vertex
fn vertexMain(attributes: Attributes) -> Varyings {
  var outp: Varyings;

  var pos = attributes.vertexPositions;
  if (solidPolygon.extruded > 0.5) {
    pos.z += attributes.elevations * solidPolygon.elevationScale;
  }

  geometry.worldPosition = attributes.vertexPositions;
  geometry.pickingColor = picking_getPickingColorFromIndex(attributes.rowIndexes);

  let projectedPosition = project_position_to_clipspace_and_commonspace(
    pos,
    attributes.vertexPositions64Low,
    vec3<f32>(0.0)
  );
  geometry.position = projectedPosition.commonPosition;
  outp.position = projectedPosition.clipPosition;

  let normal = project_normal(vec3<f32>(0.0, 0.0, 1.0));
  geometry.normal = normal;

  let colors = select(
    attributes.fillColors,
    attributes.lineColors,
    solidPolygon.isWireframe > 0.5
  );
  outp.vColor = apply_polygon_color(colors, normal, geometry.position);
  outp.pickingColor = geometry.pickingColor;

  outp.clipCoordinates = geometry.position.xy;
  clip_filterPosition(&outp.position, geometry.worldPosition.xy);

  return outp;
}

${ep()}
`}function NP(i){return`const RING_WINDING_ORDER_CW: bool = ${i?"true":"false"};

${tp()}

struct Attributes {
  @location(0) positions: vec2<f32>,
  @location(1) vertexPositions: vec3<f32>,
  @location(2) vertexPositions64Low: vec3<f32>,
  @location(3) nextVertexPositions: vec3<f32>,
  @location(4) nextVertexPositions64Low: vec3<f32>,
  @location(5) vertexValid: f32,
  @location(6) elevations: f32,
  @location(7) fillColors: vec4<f32>,
  @location(8) lineColors: vec4<f32>,
  @location(9) rowIndexes: u32,
};

struct Varyings {
  @builtin(position) position: vec4<f32>,
  @location(0) vColor: vec4<f32>,
  @location(1) pickingColor: vec3<f32>,
  @location(2) clipCoordinates: vec2<f32>,
};

@vertex
fn vertexMain(attributes: Attributes) -> Varyings {
  var outp: Varyings;
  outp.position = vec4<f32>(0.0);
  outp.vColor = vec4<f32>(0.0);
  outp.pickingColor = picking_getPickingColorFromIndex(attributes.rowIndexes);
  outp.clipCoordinates = vec2<f32>(0.0);

  if (attributes.vertexValid < 0.5) {
    return outp;
  }

  let pos = select(attributes.nextVertexPositions, attributes.vertexPositions, RING_WINDING_ORDER_CW);
  let pos64Low = select(
    attributes.nextVertexPositions64Low,
    attributes.vertexPositions64Low,
    RING_WINDING_ORDER_CW
  );
  let nextPos = select(attributes.vertexPositions, attributes.nextVertexPositions, RING_WINDING_ORDER_CW);
  let nextPos64Low = select(
    attributes.vertexPositions64Low,
    attributes.nextVertexPositions64Low,
    RING_WINDING_ORDER_CW
  );

  let position = mix(pos, nextPos, attributes.positions.x);
  let position64Low = mix(pos64Low, nextPos64Low, attributes.positions.x);

  var worldPosition = position;
  if (solidPolygon.extruded > 0.5) {
    worldPosition.z += attributes.elevations * attributes.positions.y * solidPolygon.elevationScale;
  }

  geometry.worldPosition = position;
  geometry.pickingColor = picking_getPickingColorFromIndex(attributes.rowIndexes);

  let projectedPosition = project_position_to_clipspace_and_commonspace(
    worldPosition,
    position64Low,
    vec3<f32>(0.0)
  );
  geometry.position = projectedPosition.commonPosition;
  outp.position = projectedPosition.clipPosition;

  let normal = project_offset_normal(vec3<f32>(
    pos.y - nextPos.y + (pos64Low.y - nextPos64Low.y),
    nextPos.x - pos.x + (nextPos64Low.x - pos64Low.x),
    0.0
  ));
  geometry.normal = normal;

  let colors = select(
    attributes.fillColors,
    attributes.lineColors,
    solidPolygon.isWireframe > 0.5
  );
  outp.vColor = apply_polygon_color(colors, normal, geometry.position);
  outp.pickingColor = geometry.pickingColor;

  outp.clipCoordinates = geometry.position.xy;
  clip_filterPosition(&outp.position, geometry.worldPosition.xy);

  return outp;
}

${ep()}
`}function ip(i,t){return i==="top"?zP():NP(t)}var Jo=[0,0,0,255],BP={filled:!0,extruded:!1,wireframe:!1,_normalize:!0,_windingOrder:"CW",_full3d:!1,elevationScale:{type:"number",min:0,value:1},getPolygon:{type:"accessor",value:i=>i.polygon},getElevation:{type:"accessor",value:1e3},getFillColor:{type:"accessor",value:Jo},getLineColor:{type:"accessor",value:Jo},material:!0},Ko={enter:(i,t)=>t.length?t.subarray(t.length-i.length):i},ur=class extends Lt{getShaders(t){let e=!this.props._normalize&&this.props._windingOrder==="CCW"?0:1;return super.getShaders({vs:t==="top"?Kd:Jd,fs:Qd,source:ip(t,!!e),defines:{RING_WINDING_ORDER_CW:e},modules:[Ut,Bt,mr,Ft,Xd,...this.context.device.type==="webgpu"?[Ti]:[]]})}get wrapLongitude(){return!1}getBounds(){return this.getAttributeManager()?.getBounds(["vertexPositions"])}initializeState(){let{viewport:t}=this.context,{coordinateSystem:e}=this.props,{_full3d:n}=this.props;t.isGeospatial&&e==="default"&&(e="lnglat");let r;e==="lnglat"&&(n?r=t.projectPosition.bind(t):r=t.projectFlat.bind(t)),this.setState({numInstances:0,polygonTesselator:new hr({preproject:r,fp64:this.use64bitPositions(),IndexType:Uint32Array})});let o=this.getAttributeManager(),s=!0,a=this.context.device.type==="webgpu";o.add({indices:{size:1,isIndexed:!0,update:this.calculateIndices,noAlloc:s},vertexPositions:{size:3,type:"float64",stepMode:"dynamic",fp64:this.use64bitPositions(),transition:Ko,accessor:"getPolygon",update:this.calculatePositions,noAlloc:s,...a?{}:{shaderAttributes:{nextVertexPositions:{vertexOffset:1}}}},...a?{nextVertexPositions:{size:3,type:"float64",stepMode:"dynamic",fp64:this.use64bitPositions(),transition:!1,update:this.calculateNextPositions,noAlloc:s}}:{},[a?"vertexValid":"instanceVertexValid"]:{size:1,type:a?"float32":"uint16",stepMode:"instance",update:this.calculateVertexValid,noAlloc:s},elevations:{size:1,stepMode:"dynamic",transition:Ko,accessor:"getElevation",bufferGroup:"solid-polygon-instance-data"},fillColors:{size:this.props.colorFormat.length,type:"unorm8",stepMode:"dynamic",transition:Ko,accessor:"getFillColor",defaultValue:Jo,bufferGroup:"solid-polygon-instance-data"},lineColors:{size:this.props.colorFormat.length,type:"unorm8",stepMode:"dynamic",transition:Ko,accessor:"getLineColor",defaultValue:Jo,bufferGroup:"solid-polygon-instance-data"},rowIndexes:{size:1,type:"uint32",stepMode:"dynamic",accessor:(c,{index:l})=>c&&c.__source?c.__source.index:l,bufferGroup:"solid-polygon-instance-data"}})}getPickingInfo(t){let e=super.getPickingInfo(t),{index:n}=e,r=this.props.data;return r[0]&&r[0].__source&&(e.object=r.find(o=>o.__source.index===n)),e}disablePickingIndex(t){let e=this.props.data;if(e[0]&&e[0].__source)for(let n=0;n<e.length;n++)e[n].__source.index===t&&this._disablePickingIndex(n);else super.disablePickingIndex(t)}draw({uniforms:t}){let{extruded:e,filled:n,wireframe:r,elevationScale:o}=this.props,{topModel:s,sideModel:a,wireframeModel:c,polygonTesselator:l}=this.state,f={extruded:!!e,elevationScale:o,isWireframe:!1};c&&r&&(c.setInstanceCount(l.instanceCount-1),c.shaderInputs.setProps({solidPolygon:{...f,isWireframe:!0}}),c.draw(this.context.renderPass)),a&&n&&(a.setInstanceCount(l.instanceCount-1),a.shaderInputs.setProps({solidPolygon:f}),a.draw(this.context.renderPass)),s&&n&&(s.setVertexCount(l.vertexCount),s.shaderInputs.setProps({solidPolygon:f}),s.draw(this.context.renderPass))}updateState(t){super.updateState(t),this.updateGeometry(t);let{props:e,oldProps:n,changeFlags:r}=t,o=this.getAttributeManager();(r.extensionsChanged||e.filled!==n.filled||e.extruded!==n.extruded)&&(this.state.models?.forEach(a=>a.destroy()),this.setState(this._getModels()),o.invalidateAll())}updateGeometry({props:t,oldProps:e,changeFlags:n}){if(n.dataChanged||n.updateTriggersChanged&&(n.updateTriggersChanged.all||n.updateTriggersChanged.getPolygon)){let{polygonTesselator:o}=this.state,s=t.data.attributes||{};o.updateGeometry({data:t.data,normalize:t._normalize,geometryBuffer:s.getPolygon,buffers:this.context.device.type==="webgpu"?{...s}:s,getGeometry:t.getPolygon,positionFormat:t.positionFormat,wrapLongitude:t.wrapLongitude,resolution:this.context.viewport.resolution,fp64:this.use64bitPositions(),dataChanged:n.dataChanged,full3d:t._full3d}),this.setState({numInstances:o.instanceCount,startIndices:o.vertexStarts}),n.dataChanged||this.getAttributeManager().invalidateAll()}}_getModels(){let{id:t,filled:e,extruded:n}=this.props,r,o,s;if(e){let a=this.getShaders("top");a.defines={...a.defines,NON_INSTANCED_MODEL:1};let c=this.getAttributeManager().getBufferLayouts({isInstanced:!1});this.context.device.type==="webgpu"&&(c=c.filter(l=>l.name!=="indices"&&l.name!=="vertexValid"&&l.name!=="instanceVertexValid"&&l.name!=="nextVertexPositions")),r=new At(this.context.device,{...a,id:`${t}-top`,topology:"triangle-list",bufferLayout:c,isIndexed:!0,userData:{excludeAttributes:{vertexValid:!0,instanceVertexValid:!0,nextVertexPositions:!0}}})}if(n){let a=this.getAttributeManager().getBufferLayouts({isInstanced:!0});this.context.device.type==="webgpu"&&(a=a.filter(c=>c.name!=="indices")),o=new At(this.context.device,{...this.getShaders("side"),id:`${t}-side`,bufferLayout:a,geometry:new Yt({topology:"triangle-strip",attributes:{positions:{size:2,value:new Float32Array([1,0,0,0,1,1,0,1])}}}),isInstanced:!0,userData:{excludeAttributes:{indices:!0}}}),s=new At(this.context.device,{...this.getShaders("side"),id:`${t}-wireframe`,bufferLayout:a,geometry:new Yt({topology:"line-strip",attributes:{positions:{size:2,value:new Float32Array([1,0,0,0,0,1,1,1])}}}),isInstanced:!0,userData:{excludeAttributes:{indices:!0}}})}return{models:[o,s,r].filter(Boolean),topModel:r,sideModel:o,wireframeModel:s}}calculateIndices(t){let{polygonTesselator:e}=this.state;t.startIndices=e.indexStarts,t.value=e.get("indices")}calculatePositions(t){let{polygonTesselator:e}=this.state;t.startIndices=e.vertexStarts;let n=this.props.data.attributes?.getPolygon;if(this.context.device.type==="webgpu"&&ArrayBuffer.isView(n?.value)){let{value:r,size:o=3,offset:s=0,stride:a}=n,c=s/r.BYTES_PER_ELEMENT,l=a?a/r.BYTES_PER_ELEMENT:o,f=new Float64Array(e.instanceCount*3);for(let h=0;h<e.instanceCount;h++){let u=c+h*l,d=h*3;f[d]=r[u],f[d+1]=r[u+1],f[d+2]=o>2?r[u+2]:0}t.value=f;return}t.value=e.get("positions")}calculateVertexValid(t){let e=this.props.data.attributes?.instanceVertexValid?.value,n=this.context.device.type==="webgpu"&&e?e:this.state.polygonTesselator.get("vertexValid");t.value=this.context.device.type==="webgpu"&&n?Float32Array.from(n):n}calculateNextPositions(t){let{polygonTesselator:e}=this.state,n=this.getAttributeManager().getAttributes(),r=n.vertexPositions.value,o=this.props.data.attributes?.instanceVertexValid?.value||n.vertexValid?.value||e.get("vertexValid");if(t.startIndices=e.vertexStarts,!r){t.value=r;return}let s=r.length/3,a=new r.constructor(r.length);for(let c=0;c<s;c++){let l=c*3,f=o?.[c]&&c+1<s?l+3:l;for(let h=0;h<3;h++)a[l+h]=r[f+h]}t.value=a}};ur.defaultProps=BP;ur.layerName="SolidPolygonLayer";var np=ur;function rp({data:i,getIndex:t,dataRange:e,replace:n}){let{startRow:r=0,endRow:o=1/0}=e,s=i.length,a=s,c=s;for(let u=0;u<s;u++){let d=t(i[u]);if(a>u&&d>=r&&(a=u),d>=o){c=u;break}}let l=a,h=c-a!==n.length?i.slice(c):void 0;for(let u=0;u<n.length;u++)i[l++]=n[u];if(h){for(let u=0;u<h.length;u++)i[l++]=h[u];i.length=l}return{startRow:a,endRow:a+n.length}}var op=[0,0,0,255],jP=[0,0,0,255],VP={stroked:!0,filled:!0,extruded:!1,elevationScale:1,wireframe:!1,_normalize:!0,_windingOrder:"CW",lineWidthUnits:"meters",lineWidthScale:1,lineWidthMinPixels:0,lineWidthMaxPixels:Number.MAX_SAFE_INTEGER,lineJointRounded:!1,lineMiterLimit:4,lineAntialiasing:!1,getPolygon:{type:"accessor",value:i=>i.polygon},getFillColor:{type:"accessor",value:jP},getLineColor:{type:"accessor",value:op},getLineWidth:{type:"accessor",value:1},getElevation:{type:"accessor",value:1e3},material:!0},dr=class extends yc{initializeState(){this.state={paths:[],pathsDiff:null},this.props.getLineDashArray&&I.removed("getLineDashArray","PathStyleExtension")()}updateState({changeFlags:t}){let e=t.dataChanged||t.updateTriggersChanged&&(t.updateTriggersChanged.all||t.updateTriggersChanged.getPolygon);if(e&&Array.isArray(t.dataChanged)){let n=this.state.paths.slice(),r=t.dataChanged.map(o=>rp({data:n,getIndex:s=>s.__source.index,dataRange:o,replace:this._getPaths(o)}));this.setState({paths:n,pathsDiff:r})}else e&&this.setState({paths:this._getPaths(),pathsDiff:null})}_getPaths(t={}){let{data:e,getPolygon:n,positionFormat:r,_normalize:o}=this.props,s=[],a=r==="XY"?2:3,{startRow:c,endRow:l}=t,{iterable:f,objectInfo:h}=ne(e,c,l);for(let u of f){h.index++;let d=n(u,h);o&&(d=qo(d,a));let{holeIndices:p}=d,g=d.positions||d;if(p)for(let m=0;m<=p.length;m++){let v=g.slice(p[m-1]||0,p[m]||g.length);s.push(this.getSubLayerRow({path:v},u,h.index))}else s.push(this.getSubLayerRow({path:g},u,h.index))}return s}renderLayers(){let{data:t,_dataDiff:e,stroked:n,filled:r,extruded:o,wireframe:s,_normalize:a,_windingOrder:c,elevationScale:l,transitions:f,positionFormat:h}=this.props,{lineWidthUnits:u,lineWidthScale:d,lineWidthMinPixels:p,lineWidthMaxPixels:g,lineJointRounded:m,lineMiterLimit:v,lineAntialiasing:_,lineDashJustified:y}=this.props,{getFillColor:x,getLineColor:w,getLineWidth:P,getLineDashArray:C,getElevation:M,getPolygon:S,updateTriggers:b,material:R}=this.props,{paths:O,pathsDiff:T}=this.state,k=this.getSubLayerClass("fill",np),Z=this.getSubLayerClass("stroke",We),et=this.shouldRenderSubLayer("fill",O)&&new k({_dataDiff:e,extruded:o,elevationScale:l,filled:r,wireframe:s,_normalize:a,_windingOrder:c,getElevation:M,getFillColor:x,getLineColor:o&&s?w:op,material:R,transitions:f},this.getSubLayerProps({id:"fill",updateTriggers:b&&{getPolygon:b.getPolygon,getElevation:b.getElevation,getFillColor:b.getFillColor,lineColors:o&&s,getLineColor:b.getLineColor}}),{data:t,positionFormat:h,getPolygon:S}),Pe=!o&&n&&this.shouldRenderSubLayer("stroke",O)&&new Z({_dataDiff:T&&(()=>T),widthUnits:u,widthScale:d,widthMinPixels:p,widthMaxPixels:g,jointRounded:m,miterLimit:v,antialiasing:_,dashJustified:y,_pathType:"loop",transitions:f&&{getWidth:f.getLineWidth,getColor:f.getLineColor,getPath:f.getPolygon},getColor:this.getSubLayerAccessor(w),getWidth:this.getSubLayerAccessor(P),getDashArray:this.getSubLayerAccessor(C)},this.getSubLayerProps({id:"stroke",updateTriggers:b&&{getWidth:b.getLineWidth,getColor:b.getLineColor,getDashArray:b.getLineDashArray}}),{data:O,positionFormat:h,getPath:pr=>pr.path});return[!o&&et,Pe,o&&et]}};dr.layerName="PolygonLayer";dr.defaultProps=VP;var Qo=dr;function UP({object:i}){let t=i&&i.properties;return t&&`${t.text}${t.author_name?` \u2014 ${t.author_name}`:""}`}var FP="data:image/svg+xml;charset=utf-8,"+encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><path d="M6 4h36a4 4 0 0 1 4 4v22a4 4 0 0 1-4 4H22l-10 11v-11H6a4 4 0 0 1-4-4V8a4 4 0 0 1 4-4z" fill="#fff"/></svg>'),GP={url:FP,id:"comment-balloon",width:48,height:48,anchorY:45,mask:!0},PN="balloon";function wN(){return new Ci({interleaved:!1,layers:[],getTooltip:UP})}function Dc(i,t){return[...Nc[i.properties.category]||[90,90,90],i.properties.hidden?Math.round(t/3):t]}function bN(i,t){return[new Qo({id:"scenario-housing",data:i.polygons,getPolygon:e=>e.polygon,getFillColor:[128,0,128,90],getLineColor:[128,0,128,255],lineWidthMinPixels:2}),new We({id:"scenario-drawing",data:i.drawing.length>1?[{path:i.drawing}]:[],getPath:e=>e.path,getColor:[128,0,128,255],widthMinPixels:2}),new We({id:"scenario-moves",data:i.moves,getPath:e=>e.path,getColor:[0,0,0,200],widthMinPixels:2}),new jo({id:"scenario-points",data:[...i.points,...i.drawing.map(([e,n])=>({lon:e,lat:n}))],getPosition:e=>[e.lon,e.lat],getFillColor:[128,0,128,255],getLineColor:[255,255,255,255],stroked:!0,billboard:!0,radiusUnits:"pixels",getRadius:6,lineWidthUnits:"pixels",getLineWidth:2}),new Qo({id:"comment-areas",data:t.areas,pickable:!0,getPolygon:e=>e.geometry.coordinates,getFillColor:e=>Dc(e,60),getLineColor:e=>Dc(e,255),lineWidthUnits:"pixels",getLineWidth:2,lineWidthMinPixels:2}),new We({id:"comment-drawing",data:t.drawing.length>1?[{path:t.drawing}]:[],getPath:e=>e.path,getColor:[33,33,33,255],widthMinPixels:2}),new jo({id:"comment-corners",data:t.drawing,getPosition:e=>e,getFillColor:[33,33,33,255],radiusUnits:"pixels",getRadius:4}),new Mc({id:"comments",data:t.points,pickable:!0,getPosition:e=>e.geometry.coordinates,getIcon:()=>GP,getColor:e=>Dc(e,255),sizeUnits:"pixels",getSize:26,billboard:!0})]}export{PN as COMMENT_SYMBOL,wN as createOverlay,bN as overlayLayers};
